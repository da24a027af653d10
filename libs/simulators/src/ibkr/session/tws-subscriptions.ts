/** The streaming requests a client holds open, which TWS keeps pushing until they are cancelled. */
export type TwsSubscriptionKind =
  | 'marketData'
  | 'positions'
  | 'accountSummary'
  | 'accountUpdates'
  | 'pnl'
  | 'pnlSingle'
  | 'historicalUpdates';

/**
 * One session's open subscriptions, each with what stops it. Cancelled one by one by the client, by kind
 * when TWS loses them (1101: market data lost), and all at once when the session closes.
 */
export class TwsSubscriptions {
  private readonly open = new Map<string, () => void>();

  has(kind: TwsSubscriptionKind, id: number): boolean {
    return this.open.has(`${kind}:${id}`);
  }

  /** Keeps `stop` under (kind, id); false, and nothing kept, when that id is already open. */
  add(kind: TwsSubscriptionKind, id: number, stop: () => void): boolean {
    const key = `${kind}:${id}`;
    if (this.open.has(key)) return false;
    this.open.set(key, stop);
    return true;
  }

  /** Stops one; false when it was not open. */
  cancel(kind: TwsSubscriptionKind, id: number): boolean {
    const key = `${kind}:${id}`;
    const stop = this.open.get(key);
    if (!stop) return false;
    this.open.delete(key);
    stop();
    return true;
  }

  count(kind: TwsSubscriptionKind): number {
    let count = 0;
    for (const key of this.open.keys()) if (key.startsWith(`${kind}:`)) count++;
    return count;
  }

  cancelKind(kind: TwsSubscriptionKind): void {
    for (const key of [...this.open.keys()]) {
      if (key.startsWith(`${kind}:`)) {
        const stop = this.open.get(key)!;
        this.open.delete(key);
        stop();
      }
    }
  }

  cancelAll(): void {
    const stops = [...this.open.values()];
    this.open.clear();
    for (const stop of stops) stop();
  }
}
