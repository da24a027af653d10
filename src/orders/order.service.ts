import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { BrokerError, type BrokerOrder, type OrderAck } from '../../libs/brokers/src/index.js';
import { AccountRegistry } from '../broker/account-registry.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors/app-error.js';
import type { OrderStatusUpdateView, OrderView } from './dto/order.view.js';
import type { PlaceOrderDto } from './dto/place-order.dto.js';
import { orderFingerprint } from './order-fingerprint.js';
import type { OrderRecord } from './order-record.js';
import { judgeTransition } from './order-state-machine.js';
import { toOrderView } from './order-view.mapper.js';
import { OrderRepository } from './order.repository.js';
import { prepareOrderRequest } from './prepare-order-request.js';

type ReportedState = Pick<BrokerOrder, 'status' | 'filledQuantity'> &
  Partial<Pick<BrokerOrder, 'averageFillPrice' | 'rejectReason' | 'quantity'>> & {
    brokerOrderId: string | null;
  };

/**
 * Places and cancels orders and keeps their records true to the broker. Every change to a record, from a
 * request or a broker callback, runs through one queue, so callbacks that race the acknowledgement apply in
 * the order the broker sent them.
 */
@Injectable()
export class OrderService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OrderService.name);
  private readonly inflight = new Map<string, Promise<OrderRecord>>();
  private queue: Promise<void> = Promise.resolve();
  private subscription: Subscription | undefined;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly orders: OrderRepository,
  ) {}

  onModuleInit(): void {
    this.subscription = this.registry.events.subscribe((event) => {
      if (event.type !== 'order') return;
      // Already logged by the queue; a failed callback never stops the ones after it.
      this.enqueue(() => this.applyBrokerOrder(event.account, event.order)).catch(() => undefined);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Places an order once per (account, clientOrderId): a retry of the same body returns the first result. */
  async place(dto: PlaceOrderDto): Promise<OrderView> {
    const { config } = this.registry.resolveAccount(dto.account);
    const account = config.name;
    const clientOrderId = dto.clientOrderId ?? `er-${randomUUID()}`;
    const fingerprint = orderFingerprint(account, dto);
    const key = `${account}\u0000${clientOrderId}`;

    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.placeOnce(account, clientOrderId, fingerprint, dto);
      this.inflight.set(key, pending);
      void pending.finally(() => this.inflight.delete(key)).catch(() => undefined);
    }
    const record = await pending;
    if (record.fingerprint !== fingerprint) {
      throw new ConflictError(`clientOrderId "${clientOrderId}" was already used for a different order`, {
        order: toOrderView(record),
      });
    }
    if (record.status === 'rejected') {
      throw new UnprocessableError(`Order rejected: ${record.rejectReason ?? 'no reason given'}`, {
        order: toOrderView(record),
      });
    }
    return toOrderView(record);
  }

  async cancel(id: string): Promise<OrderView> {
    const record = await this.getRecord(id);
    if (
      record.status === 'filled' ||
      record.status === 'cancelled' ||
      record.status === 'rejected' ||
      record.status === 'expired'
    ) {
      throw new ConflictError(`Order ${id} is already ${record.status}`, { order: toOrderView(record) });
    }
    if (!record.brokerOrderId) {
      throw new ConflictError(`Order ${id} has not been acknowledged by the broker yet; retry shortly`);
    }
    const brokerOrder = await this.registry.resolve(record.account).cancelOrder(record.brokerOrderId);
    await this.enqueue(() => this.applyBrokerOrder(record.account, brokerOrder));
    return toOrderView(await this.getRecord(id));
  }

  async get(id: string): Promise<OrderView> {
    return toOrderView(await this.getRecord(id));
  }

  recentStatusUpdates(options: { account?: string; limit: number }): Promise<OrderStatusUpdateView[]> {
    return this.orders.recentStatusUpdates(options);
  }

  private async placeOnce(
    account: string,
    clientOrderId: string,
    fingerprint: string,
    dto: PlaceOrderDto,
  ): Promise<OrderRecord> {
    const existing = await this.orders.findByClientOrderId(account, clientOrderId);
    if (existing) return existing;

    const adapter = this.registry.resolve(account);
    const instrument = await adapter.getInstrument(dto.symbol);
    const request = prepareOrderRequest(dto, instrument, adapter.capabilities, adapter.kind, clientOrderId);
    const now = new Date().toISOString();
    const record: OrderRecord = {
      id: randomUUID(),
      account,
      clientOrderId,
      brokerOrderId: null,
      symbol: request.symbol,
      side: request.side,
      type: request.type,
      timeInForce: request.timeInForce,
      quantity: request.quantity,
      filledQuantity: '0',
      averageFillPrice: null,
      price: request.price ?? null,
      stopPrice: request.stopPrice ?? null,
      takeProfit: request.takeProfit ?? null,
      stopLoss: request.stopLoss ?? null,
      status: 'new',
      role: 'entry',
      parentId: null,
      rejectReason: null,
      createdAt: now,
      updatedAt: now,
      fingerprint,
    };
    // Written before the broker sees it: a crash after this line leaves a record to reconcile, never a ghost.
    await this.orders.insert(record);
    await this.recordStatus(record, null);

    let ack: OrderAck;
    try {
      ack = await adapter.placeOrder(request);
    } catch (error) {
      if (error instanceof BrokerError && !error.retryable) {
        await this.enqueue(() =>
          this.applyReportedState(record.id, {
            status: 'rejected',
            filledQuantity: '0',
            rejectReason: `${error.code}: ${error.message}`,
            brokerOrderId: null,
          }),
        );
      } else {
        this.logger.warn(
          `Order ${record.id} (${clientOrderId}) outcome unknown after ${(error as Error).message}; left "new"`,
        );
      }
      throw error;
    }
    await this.enqueue(() =>
      this.applyReportedState(
        record.id,
        { status: ack.status, filledQuantity: '0', brokerOrderId: ack.brokerOrderId },
        true,
      ),
    );
    return this.getRecord(record.id);
  }

  private async applyBrokerOrder(account: string, order: BrokerOrder): Promise<void> {
    const record =
      (await this.orders.findByBrokerOrderId(account, order.brokerOrderId)) ??
      (await this.orders.findByClientOrderId(account, order.clientOrderId)) ??
      (await this.adopt(account, order));
    await this.applyReportedState(record.id, order);
  }

  /** An order the broker knows and Edgerunner does not (a bracket child, or one placed elsewhere): keep it. */
  private async adopt(account: string, order: BrokerOrder): Promise<OrderRecord> {
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
      rejectReason: null,
      createdAt: order.createdAt,
      updatedAt: order.createdAt,
      fingerprint: `adopted:${order.brokerOrderId}`,
    };
    await this.orders.insert(record);
    return record;
  }

  private async applyReportedState(id: string, reported: ReportedState, fromAck = false): Promise<void> {
    const record = await this.getRecord(id);
    const withBrokerId = record.brokerOrderId ?? reported.brokerOrderId;
    const verdict = judgeTransition(record, reported);
    if (verdict.kind !== 'apply') {
      // Same state, but a bracket child resized by its entry's fills still takes the new size.
      const quantity =
        verdict.kind === 'duplicate' ? (reported.quantity ?? record.quantity) : record.quantity;
      if (withBrokerId !== record.brokerOrderId || quantity !== record.quantity) {
        await this.orders.update({
          ...record,
          brokerOrderId: withBrokerId,
          quantity,
          updatedAt: new Date().toISOString(),
        });
      }
      // An acknowledgement arriving after the fills it caused is expected; anything else is worth a warning.
      if (verdict.kind === 'illegal' && !fromAck) {
        this.logger.warn(`Order ${id} kept ${record.status}: ${verdict.reason}`);
      }
      return;
    }
    const updated: OrderRecord = {
      ...record,
      brokerOrderId: withBrokerId,
      status: reported.status,
      // A bracket child's size follows its entry's fills, so the broker's quantity wins.
      quantity: reported.quantity ?? record.quantity,
      filledQuantity: reported.filledQuantity,
      averageFillPrice: reported.averageFillPrice ?? record.averageFillPrice,
      rejectReason: reported.rejectReason ?? record.rejectReason,
      updatedAt: new Date().toISOString(),
    };
    await this.orders.update(updated);
    await this.recordStatus(updated, reported.rejectReason ?? null);
    if (updated.status === 'rejected') {
      this.logger.warn(
        `Order ${id} (${updated.clientOrderId}) rejected: ${updated.rejectReason ?? 'no reason'}`,
      );
    }
  }

  private recordStatus(record: OrderRecord, reason: string | null): Promise<void> {
    return this.orders.appendStatusUpdate({
      orderId: record.id,
      account: record.account,
      clientOrderId: record.clientOrderId,
      symbol: record.symbol,
      status: record.status,
      filledQuantity: record.filledQuantity,
      reason,
      at: record.updatedAt,
    });
  }

  private async getRecord(id: string): Promise<OrderRecord> {
    const record = await this.orders.findById(id);
    if (!record) throw new NotFoundError(`Order ${id} not found`);
    return record;
  }

  /** Runs `task` after every change queued before it; a failure is logged and never blocks the queue. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => {
      this.logger.error(`Order update failed: ${(error as Error).stack ?? String(error)}`);
    });
    return run;
  }
}
