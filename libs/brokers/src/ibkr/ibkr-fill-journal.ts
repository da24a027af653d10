import type { CommissionReport, Contract, Execution } from '@stoqey/ib';
import type { Fill } from '../domain/index.js';
import { toFill } from './ibkr-fill.mapper.js';
import { parseIbTime } from './ibkr-time.js';

interface Waiting {
  readonly symbol: string;
  readonly contract: Contract;
  readonly execution: Execution;
  readonly clientOrderId: string;
  readonly timer: NodeJS.Timeout;
}

/**
 * Joins each execution with its commission report (they arrive as two messages, the report up to
 * seconds later) and publishes every execution id once: when both are in, or after `waitMs` with fee 0
 * so a lost report never holds a fill back. Live executions and those recovered after an outage go
 * through the same gate, so a fill seen both ways is published once.
 */
export class IbkrFillJournal {
  private readonly commissions = new Map<string, CommissionReport>();
  private readonly waiting = new Map<string, Waiting>();
  private readonly published = new Set<string>();
  private lastExecutionMs: number | undefined;

  constructor(
    private readonly waitMs: number,
    private readonly publish: (fill: Fill) => void,
  ) {}

  /** The time of the newest execution seen: where a reconciliation asks TWS to start. */
  get lastExecutionTime(): Date | undefined {
    return this.lastExecutionMs === undefined ? undefined : new Date(this.lastExecutionMs);
  }

  hasPublished(execId: string): boolean {
    return this.published.has(execId);
  }

  commissionOf(execId: string): CommissionReport | undefined {
    return this.commissions.get(execId);
  }

  execution(symbol: string, contract: Contract, execution: Execution, clientOrderId: string): void {
    const execId = execution.execId;
    if (!execId || this.published.has(execId) || this.waiting.has(execId)) return;
    const time = parseIbTime(execution.time ?? '');
    if (time !== undefined) this.lastExecutionMs = Math.max(this.lastExecutionMs ?? 0, time);
    if (this.commissions.has(execId)) {
      this.release(execId, { symbol, contract, execution, clientOrderId });
      return;
    }
    const timer = setTimeout(() => {
      const waiting = this.waiting.get(execId);
      if (waiting) this.release(execId, waiting);
    }, this.waitMs);
    timer.unref();
    this.waiting.set(execId, { symbol, contract, execution, clientOrderId, timer });
  }

  commission(report: CommissionReport): void {
    if (!report.execId) return;
    this.commissions.set(report.execId, report);
    const waiting = this.waiting.get(report.execId);
    if (waiting) this.release(report.execId, waiting);
  }

  close(): void {
    for (const waiting of this.waiting.values()) clearTimeout(waiting.timer);
    this.waiting.clear();
  }

  private release(execId: string, entry: Omit<Waiting, 'timer'> & { timer?: NodeJS.Timeout }): void {
    clearTimeout(entry.timer);
    this.waiting.delete(execId);
    this.published.add(execId);
    this.publish(
      toFill(
        entry.symbol,
        entry.contract,
        entry.execution,
        this.commissions.get(execId),
        entry.clientOrderId,
      ),
    );
  }
}
