/**
 * An account stopped taking new orders until reconciliation succeeds (a reason), or takes them again
 * (null). Told by the orders module, which owns order intake, and shown by GET /accounts: defined here
 * because broker may not import orders.
 */
export const ACCOUNT_INTAKE_CHANGED = 'orders.account-intake.changed';

export class AccountIntakeChanged {
  constructor(
    readonly account: string,
    readonly degradedReason: string | null,
  ) {}
}
