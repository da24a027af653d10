import type { BrokerEvent, Fill } from '../../domain/index.js';
import type { PaperJournal, PaperJournalRecord } from './paper-journal.js';
import type { PaperOrder } from '../matching/paper-order.js';
import { toOrderRecord } from './paper-order-record.js';

/** The journal refused a commit: the operation's changes exist in memory only and were not announced. */
export class JournalWriteError extends Error {}

/** Commits waiting for the end of the event loop's turn, to be written together. */
interface GroupCommit {
  readonly records: PaperJournalRecord[];
  readonly events: BrokerEvent[];
  readonly written: Promise<void>;
  resolve(): void;
  reject(error: JournalWriteError): void;
}

/**
 * Makes each broker operation (a placement, a cancel, a tick) one commit: the orders it changed and the
 * executions it booked are collected while it runs, then journaled, and only then are its events
 * delivered. An operation someone waits on (a placement, a cancel: `deferred`) joins a group commit,
 * written in one append at the end of the event loop's turn with every other such operation of that
 * turn; an operation that must be visible at once (a tick, a quote set) writes the group waiting before
 * it in the same append, so the journal keeps the order in which memory changed. Without a journal the
 * events are simply delivered at the end of the operation, in the order they were raised.
 */
export class PaperUnitOfWork {
  private depth = 0;
  private deferred = false;
  /** Insertion order: an entry before its children, so a reader meets the parent first. */
  private readonly orders = new Set<PaperOrder>();
  private fills: Fill[] = [];
  private events: BrokerEvent[] = [];
  private group: GroupCommit | null = null;
  private groupFailed: (error: JournalWriteError) => void = () => undefined;

  constructor(
    private readonly journal: PaperJournal | null,
    private readonly deliver: (event: BrokerEvent) => void,
  ) {}

  /** Hears a group commit that could not be written at the end of its turn (no call throws it at once). */
  onGroupFailure(listener: (error: JournalWriteError) => void): void {
    this.groupFailed = listener;
  }

  /**
   * Runs `operation` as one commit; nested calls join the outer one. The commit happens even when the
   * operation throws part-way, since whatever it changed in memory is real. Throws JournalWriteError
   * when the journal cannot be written (replacing the operation's own error, if it had one); a deferred
   * commit reports it through {@link written} instead.
   */
  run<T>(operation: () => T, options: { readonly deferred?: boolean } = {}): T {
    if (this.depth === 0) this.deferred = options.deferred === true;
    this.depth += 1;
    try {
      return operation();
    } finally {
      this.depth -= 1;
      if (this.depth === 0) this.commit();
    }
  }

  /** Settles once every commit so far is journaled (and its events delivered); rejects if it could not be. */
  written(): Promise<void> {
    return this.group?.written ?? Promise.resolve();
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
    if (!this.journal) {
      for (const event of events) this.deliver(event);
      return;
    }
    const records: PaperJournalRecord[] = [
      ...orders.map((order): PaperJournalRecord => ({ type: 'order', order: toOrderRecord(order) })),
      ...fills.map((fill): PaperJournalRecord => ({ type: 'fill', fill })),
    ];
    if (this.deferred) {
      const group = this.group ?? this.openGroup();
      group.records.push(...records);
      group.events.push(...events);
      return;
    }
    const waiting = this.group;
    this.group = null;
    this.write(waiting, [...(waiting?.records ?? []), ...records], [...(waiting?.events ?? []), ...events]);
  }

  private openGroup(): GroupCommit {
    let resolve!: () => void;
    let reject!: (error: JournalWriteError) => void;
    const written = new Promise<void>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // Whoever waits hears the failure; the account is taken down through groupFailed either way.
    written.catch(() => undefined);
    const group: GroupCommit = { records: [], events: [], written, resolve, reject };
    this.group = group;
    setImmediate(() => {
      if (this.group !== group) return; // written already, ahead of an operation that could not wait
      this.group = null;
      try {
        this.write(group, group.records, group.events);
      } catch (error) {
        this.groupFailed(error as JournalWriteError);
      }
    });
    return group;
  }

  /** One append for `records`, then the events; the group waiting (if any) settles as the append does. */
  private write(group: GroupCommit | null, records: PaperJournalRecord[], events: BrokerEvent[]): void {
    try {
      this.journal?.append(records);
    } catch (error) {
      const failure = new JournalWriteError(
        `paper journal ${this.journal?.file ?? ''} could not be written: ${(error as Error).message}`,
        { cause: error },
      );
      group?.reject(failure);
      throw failure;
    }
    for (const event of events) this.deliver(event);
    group?.resolve();
  }
}
