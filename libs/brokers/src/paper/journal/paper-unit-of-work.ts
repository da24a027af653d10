import type { BrokerEvent, Fill } from '../../domain/index.js';
import type { PaperJournal, PaperJournalRecord } from './paper-journal.js';
import type { PaperOrder } from '../matching/paper-order.js';
import { toOrderRecord } from './paper-order-record.js';

/** The journal refused a commit: the operation's changes exist in memory only and were not announced. */
export class JournalWriteError extends Error {}

/**
 * Makes each broker operation (a placement, a cancel, a tick) one commit: the orders it changed and the
 * executions it booked are collected while it runs, then journaled in a single append, and only then
 * are its events delivered. Without a journal the events are simply delivered at the end of the
 * operation, in the order they were raised.
 */
export class PaperUnitOfWork {
  private depth = 0;
  /** Insertion order: an entry before its children, so a reader meets the parent first. */
  private readonly orders = new Set<PaperOrder>();
  private fills: Fill[] = [];
  private events: BrokerEvent[] = [];

  constructor(
    private readonly journal: PaperJournal | null,
    private readonly deliver: (event: BrokerEvent) => void,
  ) {}

  /**
   * Runs `operation` as one commit; nested calls join the outer one. The commit happens even when the
   * operation throws part-way, since whatever it changed in memory is real. Throws JournalWriteError
   * when the journal cannot be written (replacing the operation's own error, if it had one).
   */
  run<T>(operation: () => T): T {
    this.depth += 1;
    try {
      return operation();
    } finally {
      this.depth -= 1;
      if (this.depth === 0) this.commit();
    }
  }

  /** An order's state changed (with or without an event): its latest state is journaled at commit. */
  orderChanged(order: PaperOrder): void {
    this.orders.add(order);
  }

  fillBooked(fill: Fill): void {
    this.fills.push(fill);
  }

  /** Queues an event until the commit; outside an operation it is delivered at once. */
  emit(event: BrokerEvent): void {
    if (this.depth === 0) this.deliver(event);
    else this.events.push(event);
  }

  private commit(): void {
    // Take the buffers first: a subscriber may start the next operation while its events are delivered.
    const orders = [...this.orders];
    const fills = this.fills;
    const events = this.events;
    this.orders.clear();
    this.fills = [];
    this.events = [];
    if (this.journal) {
      const records: PaperJournalRecord[] = [
        ...orders.map((order): PaperJournalRecord => ({ type: 'order', order: toOrderRecord(order) })),
        ...fills.map((fill): PaperJournalRecord => ({ type: 'fill', fill })),
      ];
      try {
        this.journal.append(records);
      } catch (error) {
        throw new JournalWriteError(
          `paper journal ${this.journal.file} could not be written: ${(error as Error).message}`,
          { cause: error },
        );
      }
    }
    for (const event of events) this.deliver(event);
  }
}
