import { SerialQueue } from '#async';
import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { BrokerOrder } from '#brokers';
import { AccountRegistry } from '../broker/account-registry.js';
import { NotFoundError } from '../common/errors/app-error.js';
import type { OrderEventSource, OrderRecord } from './order-record.js';
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

/**
 * Moves orders through the state machine. Every change, from a request or a broker callback, runs through
 * one queue, so callbacks that race an acknowledgement apply in the order the broker sent them, and a
 * failing change is logged without blocking the ones after it.
 */
@Injectable()
export class OrderStateApplier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OrderStateApplier.name);
  private readonly queue = new SerialQueue();
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
      this.enqueue(() => this.applyBrokerOrder(event.account, event.order, 'broker')).catch(() => undefined);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Runs `task` after every change queued before it. */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.run(task);
    run.catch((error: unknown) =>
      this.logger.error(`Order update failed: ${(error as Error).stack ?? String(error)}`),
    );
    return run;
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
  async applyBrokerOrder(
    account: string,
    order: BrokerOrder,
    source: OrderEventSource,
  ): Promise<OrderRecord> {
    const cause =
      order.status === 'cancelled'
        ? this.cancelCauses.get(`${account}\u0000${order.brokerOrderId}`)
        : undefined;
    const applied = cause ?? { source, reason: undefined };
    const record =
      (await this.orders.findByBrokerOrderId(account, order.brokerOrderId)) ??
      (await this.orders.findByClientOrderId(account, order.clientOrderId)) ??
      (await this.adopt(account, order, source));
    return this.apply(record.id, order, { source: applied.source, payload: order, reason: applied.reason });
  }

  /** Applies `reported` to the order if the state machine allows it; returns the order as stored. */
  async apply(id: string, reported: ReportedState, options: ApplyOptions): Promise<OrderRecord> {
    const record = await this.orders.findById(id);
    if (!record) throw new NotFoundError(`Order ${id} not found`);
    const brokerOrderId = record.brokerOrderId ?? reported.brokerOrderId;
    const verdict = judgeTransition(record, reported);
    if (verdict.kind !== 'apply') {
      // Same state, but a bracket child resized by its entry's fills still takes the new size.
      const quantity =
        verdict.kind === 'duplicate' ? (reported.quantity ?? record.quantity) : record.quantity;
      if (verdict.kind === 'illegal' && !options.expectLate) {
        this.logger.warn(`Order ${id} kept ${record.status}: ${verdict.reason}`);
      }
      if (brokerOrderId === record.brokerOrderId && quantity === record.quantity) return record;
      const patched = { ...record, brokerOrderId, quantity, updatedAt: new Date().toISOString() };
      await this.orders.update(patched);
      this.changes.publish(patched);
      return patched;
    }
    const updated: OrderRecord = {
      ...record,
      brokerOrderId,
      status: reported.status,
      quantity: reported.quantity ?? record.quantity,
      filledQuantity: reported.filledQuantity,
      averageFillPrice: reported.averageFillPrice ?? record.averageFillPrice,
      rejectReason: reported.rejectReason ?? record.rejectReason,
      updatedAt: new Date().toISOString(),
    };
    await this.orders.update(
      updated,
      orderEvent(
        updated,
        options.source,
        options.reason ?? reported.rejectReason ?? null,
        options.payload ?? null,
      ),
    );
    this.changes.publish(updated);
    if (updated.status === 'rejected') {
      this.logger.warn(
        `Order ${id} (${updated.clientOrderId}) rejected: ${updated.rejectReason ?? 'no reason'}`,
      );
    }
    return updated;
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
    };
    const { order: stored, created } = await this.orders.insertIfAbsent(
      record,
      orderEvent(record, source, 'adopted from the broker'),
    );
    if (created) this.changes.publish(stored);
    return stored;
  }
}
