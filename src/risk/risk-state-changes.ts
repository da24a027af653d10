/**
 * Tells every process that an account's risk state (kill switch, day baseline or trip) changed, so that
 * each drops what it cached of it. In one process a direct call; across replicas Redis pub/sub.
 */
export abstract class RiskStateChanges {
  /** Says that `account`'s risk state was written; this process's own listeners hear it at once. */
  abstract announce(account: string): Promise<void>;
  /** Hears every account announced, by this process or another; `lost` hears that announcements may have been missed. */
  abstract listen(listener: (account: string) => void, lost: () => void): void;
}

/** One process: an announcement reaches the listeners of this process, and there are no others. */
export class LocalRiskStateChanges extends RiskStateChanges {
  private readonly listeners: ((account: string) => void)[] = [];

  announce(account: string): Promise<void> {
    for (const listener of this.listeners) listener(account);
    return Promise.resolve();
  }

  listen(listener: (account: string) => void): void {
    this.listeners.push(listener);
  }
}
