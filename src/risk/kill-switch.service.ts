import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AccountRegistry } from '../broker/account-registry.js';
import { ValidationFailedError } from '../common/errors/app-error.js';
import { KILL_SWITCH_ENGAGED, KillSwitchEngaged, type CancelReport } from './kill-switch-engaged.event.js';
import type { KillSwitchState } from './kill-switch-state.js';
import { InjectRiskClock, type RiskClock } from './risk-clock.js';
import { RiskStateRepository } from './risk-state.repository.js';

export interface KillSwitchCommand {
  readonly account?: string;
  readonly enabled: boolean;
  readonly cancelOpenOrders: boolean;
  readonly reason?: string;
  /** The API key flipping it. */
  readonly by: { readonly id: string; readonly name: string } | undefined;
}

export interface KillSwitchOutcome {
  readonly account: string;
  readonly killSwitch: KillSwitchState;
  /** Present when open orders were cancelled. */
  readonly cancellation: CancelReport | null;
}

/** Turns an account's kill switch on or off; on, it can also cancel every open order at the broker. */
@Injectable()
export class KillSwitchService {
  private readonly logger = new Logger(KillSwitchService.name);

  constructor(
    private readonly registry: AccountRegistry,
    private readonly state: RiskStateRepository,
    @InjectRiskClock() private readonly clock: RiskClock,
    private readonly events: EventEmitter2,
  ) {}

  async set(command: KillSwitchCommand): Promise<KillSwitchOutcome> {
    if (command.cancelOpenOrders && !command.enabled) {
      throw new ValidationFailedError('cancelOpenOrders only goes with enabled: true');
    }
    const { config } = this.registry.resolveAccount(command.account);
    const killSwitch: KillSwitchState = {
      enabled: command.enabled,
      reason: command.reason ?? null,
      changedBy: command.by?.name ?? null,
      changedByKeyId: command.by?.id ?? null,
      changedAt: new Date(this.clock()).toISOString(),
    };
    // Saved before anything is cancelled, so that no new order slips in while the cancels run.
    await this.state.saveKillSwitch(config.name, killSwitch);
    this.logger.warn(
      `Kill switch ${command.enabled ? 'ON' : 'off'} for account "${config.name}" by ${killSwitch.changedBy ?? 'unknown'}` +
        (killSwitch.reason ? `: ${killSwitch.reason}` : ''),
    );
    const cancellation = command.cancelOpenOrders
      ? await this.cancelOpenOrders(config.name, killSwitch)
      : null;
    if (cancellation) {
      this.logger.warn(
        `Kill switch on "${config.name}": ${cancellation.cancelled} open orders cancelled, ${cancellation.failed.length} failed`,
      );
    }
    return { account: config.name, killSwitch, cancellation };
  }

  /** Orders owns order state: it cancels, through its state machine, and reports what it achieved. */
  private async cancelOpenOrders(account: string, killSwitch: KillSwitchState): Promise<CancelReport> {
    const cause = `kill switch by ${killSwitch.changedBy ?? 'unknown'}${killSwitch.reason ? `: ${killSwitch.reason}` : ''}`;
    const [report] = (await this.events.emitAsync(
      KILL_SWITCH_ENGAGED,
      new KillSwitchEngaged(account, cause),
    )) as (CancelReport | undefined)[];
    if (!report) throw new Error('No handler cancels open orders when the kill switch engages');
    return report;
  }
}
