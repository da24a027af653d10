import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { retryWithBackoff, SingleFlight } from '#async';
import {
  BrokerError,
  BrokerRateLimitError,
  isFinalStatus,
  type BrokerAdapter,
  type OrderRequest,
} from '#brokers';
import { AccountRegistry } from '../broker/account-registry.js';
import {
  ConflictError,
  NotFoundError,
  UnavailableError,
  UnprocessableError,
} from '../common/errors/app-error.js';
import type { OrderDetailView, OrderEventView, OrderView } from './dto/order.view.js';
import type { PlaceOrderDto } from './dto/place-order.dto.js';
import { OrderChanges } from './order-changes.js';
import { orderFingerprint } from './order-fingerprint.js';
import type { OrderRecord } from './order-record.js';
import { newOrderRecord, orderEvent } from './order-records.js';
import { OrderStateApplier } from './order-state.applier.js';
import { OrderStorageError } from './order-storage.error.js';
import { DegradedAccounts } from './reconciliation/degraded-accounts.js';
import { toOrderView } from './order-view.mapper.js';
import { OrderRepository, type OrderListFilter } from './order.repository.js';
import { prepareOrderRequest } from './prepare-order-request.js';
import { RiskRefusedError } from '../risk/risk-refused.error.js';
import { RiskService } from '../risk/risk.service.js';

const RATE_LIMIT_ATTEMPTS = 3;
/** The backoff when the broker names no wait: 200 ms, then 400 ms. */
const RATE_LIMIT_FIRST_WAIT_MS = 200;
const RATE_LIMIT_MAX_WAIT_MS = 2000;

/** Places, cancels and reads orders. Each (account, clientOrderId) reaches the broker at most once. */
@Injectable()
export class OrderService {
  private readonly logger = new Logger(OrderService.name);
  private readonly inflight = new SingleFlight<string, OrderRecord>();

  constructor(
    private readonly registry: AccountRegistry,
    private readonly orders: OrderRepository,
    private readonly applier: OrderStateApplier,
    private readonly risk: RiskService,
    private readonly changes: OrderChanges,
    private readonly degradedAccounts: DegradedAccounts,
  ) {}

  /** A retry of the same body returns the first result, even while the first is in flight; another body is a 409. */
  async place(dto: PlaceOrderDto): Promise<OrderView> {
    const { config } = this.registry.resolveAccount(dto.account);
    const account = config.name;

    // 35 characters: within every broker's limit on client ids (Bybit's is 36).
    const clientOrderId = dto.clientOrderId ?? `er-${randomUUID().replaceAll('-', '')}`;
    const fingerprint = orderFingerprint(account, dto);
    const key = `${account}\u0000${clientOrderId}`;

    const record = await this.inflight.run(key, () =>
      this.placeOnce(account, clientOrderId, fingerprint, dto),
    );
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

  /** True while this process is placing (account, clientOrderId): reconciliation leaves it alone. */
  isInFlight(account: string, clientOrderId: string): boolean {
    return this.inflight.has(`${account}\u0000${clientOrderId}`);
  }

  async cancel(id: string): Promise<OrderView> {
    const record = await this.getRecord(id);
    if (isFinalStatus(record.status)) {
      throw new ConflictError(`Order ${id} is already ${record.status}`, { order: toOrderView(record) });
    }
    if (!record.brokerOrderId) {
      throw new ConflictError(`Order ${id} has not been acknowledged by the broker yet; retry shortly`);
    }
    const brokerOrder = await this.registry.resolve(record.account).cancelOrder(record.brokerOrderId);
    return toOrderView(await this.applier.applyBrokerOrder(record.account, brokerOrder, 'request'));
  }

  async get(id: string): Promise<OrderDetailView> {
    const record = await this.getRecord(id);
    const events = await this.orders.eventsOf(id);
    return {
      ...toOrderView(record),
      events: events.map(({ payload: _payload, ...event }): OrderEventView => event),
    };
  }

  async list(filter: OrderListFilter): Promise<OrderView[]> {
    return (await this.orders.list(filter)).map(toOrderView);
  }

  /** The account's orders still open, then the most recently updated others: what a live view starts from. */
  async openAndRecent(account: string, recent: number): Promise<OrderView[]> {
    const open = await this.orders.findUnfinished(account);
    const latest = recent > 0 ? await this.orders.list({ account, limit: recent }) : [];
    const openIds = new Set(open.map((order) => order.id));
    return [...open, ...latest.filter((order) => !openIds.has(order.id))].map(toOrderView);
  }

  async recentEvents(options: { account?: string; limit: number }): Promise<OrderEventView[]> {
    return (await this.orders.recentEvents(options)).map(({ payload: _payload, ...event }) => event);
  }

  private async placeOnce(
    account: string,
    clientOrderId: string,
    fingerprint: string,
    dto: PlaceOrderDto,
  ): Promise<OrderRecord> {
    let adapter: BrokerAdapter;
    let request: OrderRequest;
    let candidate: OrderRecord;
    try {
      // Credentials the broker refused are a 502 no retry fixes, not a 503 "try again later".
      const refusal = this.registry.connectRefusal(account);
      if (refusal) throw refusal;
      const degraded = this.degradedAccounts.reason(account);
      if (degraded !== undefined) {
        throw new UnavailableError(
          `Account ${account} takes no new orders until reconciliation succeeds: ${degraded}`,
        );
      }
      adapter = this.registry.resolve(account);
      const instrument = await adapter.getInstrument(dto.symbol);
      request = prepareOrderRequest(dto, instrument, adapter.capabilities, adapter.kind, clientOrderId);
      candidate = newOrderRecord(account, request, fingerprint, dto.strategy ?? null);
      try {
        await this.risk.check(account, request, instrument);
      } catch (error) {
        if (!(error instanceof RiskRefusedError)) throw error;
        return await this.recordRiskRefusal(candidate, error);
      }
    } catch (error) {
      // A retry still gets its first answer, whatever the account's state now. New orders, the usual
      // case, are not read first: the insert below finds a retry that got this far.
      const existing = await this.orders.findByClientOrderId(account, clientOrderId).catch(() => undefined);
      if (existing) return existing;
      throw error;
    }
    // Written before the broker sees it: a crash after this line leaves a row to reconcile, never a ghost.
    // Another replica may have won the same clientOrderId a moment ago: then its row is the answer.
    const { order, created } = await this.orders
      .insertIfAbsent(candidate, orderEvent(candidate, 'request'))
      .catch((error: unknown) => {
        if (!(error instanceof OrderStorageError)) throw error;
        throw new OrderStorageError(
          `Order ${clientOrderId} was not stored and not sent to the broker: ${error.message}. ` +
            'Retry with the same clientOrderId.',
        );
      });
    if (!created) return order;
    this.applier.remember(order);
    this.changes.publish(order);
    return this.send(adapter, order, request);
  }

  private async send(
    adapter: BrokerAdapter,
    order: OrderRecord,
    request: Parameters<BrokerAdapter['placeOrder']>[0],
  ): Promise<OrderRecord> {
    try {
      const ack = await this.placeWithinRateLimit(adapter, request);
      return await this.applier.apply(
        order.id,
        { status: ack.status, filledQuantity: '0', brokerOrderId: ack.brokerOrderId },
        { source: 'broker', payload: ack, expectLate: true },
      );
    } catch (error) {
      if (error instanceof BrokerError && !error.retryable) {
        await this.applier.apply(
          order.id,
          {
            status: 'rejected',
            filledQuantity: '0',
            rejectReason: `${error.code}: ${error.message}`,
            brokerOrderId: null,
          },
          {
            source: 'broker',
            payload: { code: error.code, brokerCode: error.brokerCode, brokerMessage: error.brokerMessage },
          },
        );
      } else if (error instanceof OrderStorageError) {
        this.logger.error(`Order ${order.id} (${order.clientOrderId}) was sent but its answer not stored`);
        throw new OrderStorageError(
          `Order ${order.clientOrderId} was sent to the broker but what it answered could not be stored: ` +
            `${error.message}. Reconciliation records it; a retry with the same clientOrderId returns it.`,
        );
      } else {
        // The broker may or may not have it: the row stays `new` for reconciliation to settle.
        this.logger.warn(
          `Order ${order.id} (${order.clientOrderId}) outcome unknown: ${(error as Error).message}`,
        );
      }
      throw error;
    }
  }

  /**
   * A broker that refused the order for its rate limit did not take it, and the same clientOrderId cannot
   * make a second order there: so it is sent again after the wait the broker asked for, a few times.
   */
  private async placeWithinRateLimit(
    adapter: BrokerAdapter,
    request: Parameters<BrokerAdapter['placeOrder']>[0],
  ): Promise<Awaited<ReturnType<BrokerAdapter['placeOrder']>>> {
    return retryWithBackoff(() => adapter.placeOrder(request), {
      attempts: RATE_LIMIT_ATTEMPTS,
      baseDelayMs: RATE_LIMIT_FIRST_WAIT_MS,
      maxDelayMs: RATE_LIMIT_MAX_WAIT_MS,
      shouldRetry: (error) => error instanceof BrokerRateLimitError,
      delayFor: (error) => {
        const asked = (error as BrokerRateLimitError).retryAfterMs;
        return asked === undefined ? undefined : Math.min(asked, RATE_LIMIT_MAX_WAIT_MS);
      },
      onRetry: (_error, _attempt, waitMs) =>
        this.logger.warn(
          `Order ${request.clientOrderId} rate limited by the broker; retrying in ${waitMs} ms`,
        ),
    });
  }

  /** A refused order is kept, rejected with the rule that refused it, and never sent. */
  private async recordRiskRefusal(candidate: OrderRecord, error: RiskRefusedError): Promise<OrderRecord> {
    const rejected: OrderRecord = {
      ...candidate,
      status: 'rejected',
      rejectReason: `risk ${error.rule}: ${error.message}`,
    };
    const { order, created } = await this.orders.insertIfAbsent(
      rejected,
      orderEvent(rejected, 'risk', rejected.rejectReason, {
        rule: error.rule,
        limit: error.limit,
        value: error.value,
      }),
    );
    if (created) this.changes.publish(order);
    this.logger.warn(`Order ${order.clientOrderId} on ${order.account} refused by risk: ${error.message}`);
    return order;
  }

  private async getRecord(id: string): Promise<OrderRecord> {
    const record = await this.orders.findById(id);
    if (!record) throw new NotFoundError(`Order ${id} not found`);
    return record;
  }
}
