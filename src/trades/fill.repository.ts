import type { Fill, OrderSide } from '#brokers';
import type { FillRecord } from './fill-record.js';

/** Which fills to read. Every field narrows; `from` and `to` are inclusive. */
export interface FillFilter {
  readonly account?: string;
  readonly symbol?: string;
  readonly side?: OrderSide;
  readonly strategy?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/** A position in the newest-first log: continue strictly after this fill. */
export interface FillPosition {
  readonly executedAt: string;
  readonly id: string;
}

/** What an insert did: how many fills were new, and which of those no order of ours matched (yet). */
export interface FillInsertOutcome {
  readonly inserted: number;
  readonly unlinked: readonly string[];
}

/** Where the trade log is kept. */
export abstract class FillRepository {
  /**
   * Stores the fills of `account` that are not stored yet (by execution id), each linked to the order it
   * belongs to when Edgerunner has it (by broker order id, else client order id).
   */
  abstract insert(account: string, fills: readonly Fill[]): Promise<FillInsertOutcome>;

  /**
   * Links fills stored without an order to their order, once it exists (an order adopted from the broker
   * may be written just after its first fill). Returns the execution ids still unlinked.
   */
  abstract linkOrders(account: string, executionIds: readonly string[]): Promise<string[]>;

  /** Newest first, by (executedAt, id), strictly after `after` when given. */
  abstract list(filter: FillFilter, limit: number, after?: FillPosition): Promise<FillRecord[]>;
}
