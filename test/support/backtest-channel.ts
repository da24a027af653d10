import { StreamClient } from './stream-client.js';
import { ADMIN_KEY } from './test-app.js';

/** A job on two threads of a shared 2-core machine, or a process start: generous, never waited out. */
const EVENT_TIMEOUT_MS = 90_000;

/** The fields of a job these tests read. */
export interface Backtest {
  id: string;
  status: string;
  progressPercent: number;
  startedAt: string | null;
  statistics: Record<string, number> | null;
}
interface BacktestEvent {
  type: 'snapshot' | 'delta';
  seq: number;
  epoch: string;
  data: Backtest;
}

/** A /ws/broker client of the `backtests` channel that keeps every event and waits for the one wanted. */
export class BacktestChannel {
  readonly deltas: BacktestEvent[] = [];
  epoch: string | undefined;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly client: StreamClient) {
    client.socket.on('backtests', (event: BacktestEvent) => {
      if (event.type === 'snapshot') this.epoch = event.epoch;
      else this.deltas.push(event);
      for (const waiter of [...this.waiters]) waiter();
    });
  }

  static async open(url: string): Promise<BacktestChannel> {
    const channel = new BacktestChannel(await StreamClient.connect(url, ADMIN_KEY));
    await channel.client.request('subscribe', { channels: ['backtests'] });
    return channel;
  }

  /** This deployment's changes of job `id`, in the order received (Redis pub/sub crosses databases). */
  of(id: string): Backtest[] {
    return this.deltas.filter((event) => event.data.id === id).map((event) => event.data);
  }

  until(what: string, holds: () => boolean): Promise<void> {
    if (holds()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!holds()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.deltas)}`));
      }, EVENT_TIMEOUT_MS);
      this.waiters.add(check);
    });
  }

  close(): void {
    this.client.close();
  }
}
