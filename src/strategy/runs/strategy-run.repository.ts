import type { OrderRecord } from '../../orders/order-record.js';
import type { RunFill } from './run-results.js';
import type { RunOrderLink, StrategyRunRecord } from './strategy-run-record.js';

/** Where live runs and the orders they placed are kept. */
export abstract class StrategyRunRepository {
  abstract insert(run: StrategyRunRecord): Promise<void>;
  /** Writes the run's state: status, reason, last bar, stop time. */
  abstract update(run: StrategyRunRecord): Promise<void>;
  abstract findById(id: string): Promise<StrategyRunRecord | undefined>;
  /** Newest first. */
  abstract list(limit: number): Promise<StrategyRunRecord[]>;
  /** The runs a restart resumes. */
  abstract listActive(): Promise<StrategyRunRecord[]>;
  /** Records an order before it is placed; a second record of the same client order id is a no-op. */
  abstract linkOrder(link: RunOrderLink): Promise<void>;
  abstract links(runId: string): Promise<RunOrderLink[]>;
  /** The run's orders as stored, with the take-profit and stop-loss legs of its brackets, oldest first. */
  abstract ordersOf(run: StrategyRunRecord): Promise<OrderRecord[]>;
  /** The trade log's fills of those orders, oldest first. */
  abstract fillsOf(run: StrategyRunRecord): Promise<RunFill[]>;
}
