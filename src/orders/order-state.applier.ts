import { SerialQueue } from '#async';
import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { BrokerOrder } from '#brokers';
import { AccountRegistry } from '../broker/account-registry.js';
import { NotFoundError } from '../common/errors/app-error.js';
import { KnownOrders } from './known-orders.js';
import type { OrderEvent, OrderEventSource, OrderRecord } from './order-record.js';
import { orderEvent } from './order-records.js';
import { judgeTransition } from './order-state-machine.js';
import { OrderChanges } from './order-changes.js';
import { OrderRepository } from './order.repository.js';

/** A state reported for an order: by a broker callback, an acknowledgement, a rejection or reconciliation. */
export type ReportedState = Pick<BrokerOrder, 'status' | 'filledQuantity'> &
  Partial<Pick<BrokerOrder, 'averageFillPrice' | 'rejectReason' | 'quantity'>> & {
    readonly brokerOrderId: string | null;
  };

export interface ApplyOptions {
  readonly source: OrderEventSource;
  /** What the broker sent, kept in the audit trail. */
  readonly payload?: unknown;
  /** An acknowledgement may arrive after the fills it caused: not worth a warning. */
  readonly expectLate?: boolean;
  /** Why, when the cause is not the broker's own (the kill switch: who turned it and why). */
  readonly reason?: string;
}

/** A change judged in turn: `written` settles with the stored order, or null when its revision was stale. */
interface Staged {
  readonly written: Promise<OrderRecord | null>;
}

/** A change overtaken this many times in a row by other writers is given up, loudly. */
const STALE_ATTEMPTS = 5;

/**
 * Moves orders through the state machine. Every change, from a request or a broker callback, is judged in
 * one queue against the view of the order in memory ({@link KnownOrders}), so callbacks that race an
 * acknowledgement apply in the order the broker sent them; the write then joins the batch committing, and
 * the queue goes on judging the next change meanwhile. A write refused for its revision (another process
 * moved the order) is judged again on a fresh read; a write that fails is logged, forgotten from the view,
 * and blocks none after it. Changes are published only once committed, in commit order.
 */
@Injectable()
export class OrderStateApplier implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(OrderStateApplier.name);
  private readonly queue = new SerialQueue();
  private readonly known = new KnownOrders();
  /** Changes not yet stored (or given up), re-judgings included: what {@link settled} waits for. */
  private readonly changing = new Set<Promise<OrderRecord>>();
  /** Each order's latest write staged and not yet settled: what a change that writes nothing waits for. */
  private readonly writing = new Map<string, Promise<OrderRecord | null>>();
  /** Cancels asked for (by the kill switch): whichever report of the cancel comes first carries the cause. */
  private readonly cancelCauses = new Map<string, { source: OrderEventSource; reason: string }>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly orders: OrderRepository,
    private readonly changes: OrderChanges,
  ) {}

  onModuleInit(): void {
    this.subscription = this.registry.events.subscribe((event) => {
      if (event.type !== 'order') return;
      this.applyBrokerOrder(event.account, event.order, 'broker').catch(() => undefined);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Lets the changes already judged reach the database before it closes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  /** An order this process has just stored: its first change is judged without reading it back. */
  remember(order: OrderRecord): void {
    this.known.remember(order);
  }

  /** Settles once every change asked for so far has been stored or has failed, re-judged ones included. */
  async settled(): Promise<void> {
    while (this.changing.size > 0) await Promise.allSettled([...this.changing]);
  }

  /**
   * Names the cause of a cancel about to be asked for: the broker's own push may report it before the
   * cancel call returns, and the order's event must still say why. Returns the function that forgets it.
   */
  attributeCancel(
    account: string,
    brokerOrderId: string,
    source: OrderEventSource,
    reason: string,
  ): () => void {
    const key = `${account}\u0000${brokerOrderId}`;
    this.cancelCauses.set(key, { source, reason });
    return () => this.cancelCauses.delete(key);
  }

  /** Applies the broker's view of one of its orders, adopting it when Edgerunner has no record of it. */
  applyBrokerOrder(account: string, order: BrokerOrder, source: OrderEventSource): Promise<OrderRecord> {
    return this.change(async () => {
      const cause =
        order.status === 'cancelled'
          ? this.cancelCauses.get(`${account}\u0000${order.brokerOrderId}`)
          : undefined;
      const applied = cause ?? { source, reason: undefined };
      const record =
        this.known.findByBrokerOrderId(account, order.brokerOrderId) ??
        this.known.findByClientOrderId(account, order.clientOrderId) ??
        (await this.orders.findByBrokerOrderId(account, order.brokerOrderId)) ??
        (await this.orders.findByClientOrderId(account, order.clientOrderId)) ??
        (await this.adopt(account, order, source));
      this.known.remember(record);
      return this.stage(record.id, order, { source: applied.source, payload: order, reason: applied.reason });
    });
  }

  /** Applies `reported` to the order if the state machine allows it; returns the order as stored. */
  apply(id: string, reported: ReportedState, options: ApplyOptions): Promise<OrderRecord> {
    return this.change(() => this.stage(id, reported, options));
  }

  /** Judges in turn, waits for the write outside the turn, and judges again on a fresh read if it was stale. */
  private change(judge: () => Promise<Staged>): Promise<OrderRecord> {
    const changing = this.judgeUntilStored(judge);
    this.changing.add(changing);
    const done = (): boolean => this.changing.delete(changing);
    changing.then(done, done);
    return changing;
  }

  private async judgeUntilStored(judge: () => Promise<Staged>): Promise<OrderRecord> {
    try {
      for (let attempt = 1; ; attempt++) {
        const { written } = await this.queue.run(judge);
        const stored = await written;
        if (stored) return stored;
        if (attempt >= STALE_ATTEMPTS)
          throw new Error(`order change overtaken ${attempt} times in a row by other writers; given up`);
      }
    } catch (error) {
      this.logger.error(`Order update failed: ${(error as Error).stack ?? String(error)}`);
      throw error;
    }
  }

  private async stage(id: string, reported: ReportedState, options: ApplyOptions): Promise<Staged> {
    const record = this.known.get(id) ?? (await this.read(id));
    const brokerOrderId = record.brokerOrderId ?? reported.brokerOrderId;
    const verdict = judgeTransition(record, reported);
    if (verdict.kind !== 'apply') {
      // Same state, but a bracket child resized by its entry's fills still takes the new size.
      const quantity =
        verdict.kind === 'duplicate' ? (reported.quantity ?? record.quantity) : record.quantity;
      if (verdict.kind === 'illegal' && !options.expectLate) {
        this.logger.warn(`Order ${id} kept ${record.status}: ${verdict.reason}`);
      }
      if (brokerOrderId === record.brokerOrderId && quantity === record.quantity)
        return { written: this.afterPendingWrite(record) };
      return this.write({ ...record, brokerOrderId, quantity, ...this.touched(record) });
    }
    const updated: OrderRecord = {
      ...record,
      brokerOrderId,
      status: reported.status,
      quantity: reported.quantity ?? record.quantity,
      filledQuantity: reported.filledQuantity,
      averageFillPrice: reported.averageFillPrice ?? record.averageFillPrice,
      rejectReason: reported.rejectReason ?? record.rejectReason,
      ...this.touched(record),
    };
    const reason = options.reason ?? reported.rejectReason ?? null;
    return this.write(updated, orderEvent(updated, options.source, reason, options.payload ?? null));
  }

  private touched(record: OrderRecord): Pick<OrderRecord, 'updatedAt' | 'revision'> {
    return { updatedAt: new Date().toISOString(), revision: record.revision + 1 };
  }

  /** Takes `updated` as the order's state now, and writes it; the view is undone if the write does not land. */
  private write(updated: OrderRecord, event?: OrderEvent): Staged {
    this.known.remember(updated);
    const written = this.orders.update(updated, event).then(
      (applied) => {
        if (!applied) {
          this.known.forget(updated.id);
          return null;
        }
        this.changes.publish(updated);
        if (updated.status === 'rejected' && event) {
          this.logger.warn(
            `Order ${updated.id} (${updated.clientOrderId}) rejected: ${updated.rejectReason ?? 'no reason'}`,
          );
        }
        return updated;
      },
      (error: unknown) => {
        this.known.forget(updated.id);
        throw error;
      },
    );
    this.writing.set(updated.id, written);
    const done = (): void => {
      if (this.writing.get(updated.id) === written) this.writing.delete(updated.id);
    };
    written.then(done, done);
    return { written };
  }

  /**
   * The order as the view holds it, once the write that put it there has committed: no answer reports a
   * state not stored yet. Null (judge again on a fresh read) when that write did not land.
   */
  private afterPendingWrite(record: OrderRecord): Promise<OrderRecord | null> {
    const pending = this.writing.get(record.id);
    if (!pending) return Promise.resolve(record);
    return pending.then(
      (stored) => (stored ? record : null),
      () => null,
    );
  }

  private async read(id: string): Promise<OrderRecord> {
    const record = await this.orders.findById(id);
    if (!record) throw new NotFoundError(`Order ${id} not found`);
    this.known.remember(record);
    return record;
  }

  /** An order the broker knows and Edgerunner does not (a bracket child, or one placed elsewhere): keep it. */
  private async adopt(account: string, order: BrokerOrder, source: OrderEventSource): Promise<OrderRecord> {
    const parent = order.parentOrderId
      ? await this.orders.findByBrokerOrderId(account, order.parentOrderId)
      : undefined;
    if (!parent)
      this.logger.warn(`Adopting order ${order.brokerOrderId} on ${account} that Edgerunner did not place`);
    const record: OrderRecord = {
      id: randomUUID(),
      account,
      clientOrderId: order.clientOrderId,
      brokerOrderId: order.brokerOrderId,
      symbol: order.symbol,
      side: order.side,
      type: order.type,
      timeInForce: order.timeInForce,
      quantity: order.quantity,
      filledQuantity: '0',
      averageFillPrice: null,
      price: order.price,
      stopPrice: order.stopPrice,
      trailingAmount: order.trailingAmount ?? null,
      takeProfit: null,
      stopLoss: null,
      status: 'new',
      role: order.role,
      parentId: parent?.id ?? null,
      // A take-profit or stop-loss the broker made for an entry belongs to the entry's strategy.
      strategy: parent?.strategy ?? null,
      rejectReason: null,
      createdAt: order.createdAt,
      updatedAt: order.createdAt,
      fingerprint: `adopted:${order.brokerOrderId}`,
      revision: 0,
    };
    const { order: stored, created } = await this.orders.insertIfAbsent(
      record,
      orderEvent(record, source, 'adopted from the broker'),
    );
    if (created) this.changes.publish(stored);
    return stored;
  }
}
