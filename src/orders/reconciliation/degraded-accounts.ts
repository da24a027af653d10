import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ACCOUNT_INTAKE_CHANGED, AccountIntakeChanged } from '../../broker/account-intake-changed.event.js';

/**
 * Accounts whose reconciliation failed, with why: they take no new orders until a run succeeds. Owned by
 * orders, which refuses the orders; others hear each change as an {@link AccountIntakeChanged} event.
 */
@Injectable()
export class DegradedAccounts {
  private readonly reasons = new Map<string, string>();

  constructor(private readonly events: EventEmitter2) {}

  /** Marks the account degraded (reason) or healthy again (null). */
  set(account: string, reason: string | null): void {
    if ((this.reasons.get(account) ?? null) === reason) return;
    if (reason === null) this.reasons.delete(account);
    else this.reasons.set(account, reason);
    this.events.emit(ACCOUNT_INTAKE_CHANGED, new AccountIntakeChanged(account, reason));
  }

  reason(account: string): string | undefined {
    return this.reasons.get(account);
  }
}
