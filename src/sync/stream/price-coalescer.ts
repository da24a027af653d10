import type { Ticker } from '#brokers';

/**
 * Lets through at most one quote per account and symbol each interval, always the latest: a feed faster
 * than that is thinned, never delayed by more than one interval, and the last quote is never held back.
 */
export class PriceCoalescer {
  private readonly sentAt = new Map<string, number>();
  private readonly pending = new Map<string, { account: string; ticker: Ticker }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (account: string, ticker: Ticker) => void,
    private readonly now: () => number = Date.now,
  ) {}

  offer(account: string, ticker: Ticker): void {
    const key = `${account}\u0000${ticker.symbol}`;
    if (this.timers.has(key)) {
      this.pending.set(key, { account, ticker });
      return;
    }
    const wait = (this.sentAt.get(key) ?? -Infinity) + this.intervalMs - this.now();
    if (wait <= 0) {
      this.send(key, account, ticker);
      return;
    }
    this.pending.set(key, { account, ticker });
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const latest = this.pending.get(key);
      this.pending.delete(key);
      if (latest) this.send(key, latest.account, latest.ticker);
    }, wait);
    timer.unref();
    this.timers.set(key, timer);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }

  private send(key: string, account: string, ticker: Ticker): void {
    this.sentAt.set(key, this.now());
    this.emit(account, ticker);
  }
}
