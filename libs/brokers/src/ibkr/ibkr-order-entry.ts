import { OrderAction, type IBApi } from '@stoqey/ib';
import { dec, toDecimalString } from '../decimal/index.js';
import { isFinalStatus, type BrokerOrder, type OrderAck, type OrderRequest } from '../domain/index.js';
import {
  BrokerConnectionError,
  BrokerTimeoutError,
  OrderNotFoundError,
  type BrokerError,
} from '../errors/index.js';
import type { VenueLogger } from '../port/broker-venue.js';
import type { IbkrResolvedContract } from './ibkr-contract-book.js';
import { ibkrCodeTreatment, toIbkrError } from './ibkr-error-codes.js';
import type { IbkrOrderIds } from './ibkr-ids.js';
import type { IbkrOrderBook } from './ibkr-order-book.js';
import { buildIbkrOrders, isBracket, type IbkrLegIds } from './ibkr-order-builder.js';
import { IbkrOrderWaiters } from './ibkr-order-waiters.js';
import type { IbkrWire } from './ibkr-wire.js';

/** Cancel errors that mean the order is no longer working: it filled or was cancelled meanwhile. */
const NOT_CANCELLABLE = new Set([10148, 161, 136]);
/** Cancel errors that mean TWS has no such order. */
const NO_SUCH_ORDER = new Set([135, 10147]);
/** Errors that end an order even when it was already working. */
const ALWAYS_FATAL = new Set([201, 203, 103, 10006]);

/** What order entry needs from the adapter around it. */
export interface IbkrOrderEntryContext {
  readonly api: () => IBApi;
  readonly accountCode: () => string;
  readonly publish: (order: BrokerOrder) => void;
  readonly log: VenueLogger;
}

/**
 * Placing and cancelling orders. The IB order id is the broker order id: it is known before TWS
 * answers (so a placement that times out can still be found), TWS's cancel takes it, and it stays
 * valid across reconnects because the adapter keeps its client id. permId, account-wide, is kept by
 * the order book but only arrives with TWS's answer.
 */
export class IbkrOrderEntry {
  private readonly waiters: IbkrOrderWaiters;
  private openListing: Promise<Set<number>> | undefined;
  /** Ends the listing in flight: its OPEN_ORDER_END can never come once its socket is gone. */
  private abandonListing: ((error: BrokerError) => void) | undefined;

  constructor(
    private readonly wire: IbkrWire,
    private readonly book: IbkrOrderBook,
    private readonly ids: IbkrOrderIds,
    private readonly context: IbkrOrderEntryContext,
    private readonly timeoutMs: number,
  ) {
    this.waiters = new IbkrOrderWaiters(timeoutMs);
  }

  /** An order changed in the book: waiting calls learn it, subscribers see it. */
  changed(order: BrokerOrder | undefined): void {
    if (!order) return;
    this.waiters.orderChanged(order);
    this.context.publish(order);
  }

  /** Acknowledges a placement on TWS's first word about it even when nothing changed in the book. */
  heard(orderId: number): void {
    const order = this.book.get(orderId);
    if (order) this.waiters.orderChanged(order);
  }

  async place(request: OrderRequest, contract: IbkrResolvedContract): Promise<OrderAck> {
    const api = this.context.api();
    const ids: IbkrLegIds = {
      entry: this.ids.take(),
      ...(request.takeProfit !== undefined ? { takeProfit: this.ids.take() } : {}),
      ...(request.stopLoss !== undefined ? { stopLoss: this.ids.take() } : {}),
    };
    const legs = buildIbkrOrders(request, contract.instrument, this.context.accountCode(), ids);
    for (const leg of legs) {
      const order = leg.order;
      this.book.track({
        brokerOrderId: String(leg.orderId),
        clientOrderId: leg.clientOrderId,
        symbol: request.symbol,
        side: order.action === OrderAction.BUY ? 'buy' : 'sell',
        type: leg.role === 'entry' ? request.type : leg.role === 'take_profit' ? 'limit' : 'stop',
        timeInForce: leg.role === 'entry' ? request.timeInForce : order.tif === 'DAY' ? 'day' : 'gtc',
        quantity: toDecimalString(dec(order.totalQuantity ?? 0)),
        filledQuantity: '0',
        averageFillPrice: null,
        price: order.lmtPrice === undefined ? null : toDecimalString(dec(order.lmtPrice)),
        stopPrice:
          order.auxPrice === undefined || request.type === 'trailing_stop'
            ? null
            : toDecimalString(dec(order.auxPrice)),
        ...(request.type === 'trailing_stop' && leg.role === 'entry'
          ? { trailingAmount: toDecimalString(dec(order.auxPrice ?? 0)) }
          : {}),
        status: 'new',
        role: leg.role,
        parentOrderId: leg.role === 'entry' ? null : String(ids.entry),
        rejectReason: null,
      });
    }
    const ack = this.waiters.awaitAck(ids.entry, request.clientOrderId);
    for (const leg of legs) api.placeOrder(leg.orderId, contract.contract, leg.order);
    if (isBracket(request))
      this.context.log(
        'debug',
        `IB bracket ${request.clientOrderId}: legs ${legs.map((l) => l.orderId).join(', ')}`,
      );
    return ack;
  }

  /** Cancels a working order and waits until TWS says it is final; a final order is returned as is. */
  async cancel(orderId: number): Promise<BrokerOrder> {
    const api = this.context.api();
    const order = this.book.get(orderId);
    if (!order) throw new OrderNotFoundError(`IB has no order ${orderId} of this client`, { broker: 'ibkr' });
    if (isFinalStatus(order.status)) return order;
    const final = this.waiters.awaitFinal(orderId);
    api.cancelOrder(orderId);
    return final;
  }

  /**
   * Lists this client's open orders (reqOpenOrders: each as OPEN_ORDER + ORDER_STATUS through the
   * wire, then OPEN_ORDER_END); concurrent callers share one listing, since the end carries no id.
   */
  listOpen(): Promise<Set<number>> {
    this.openListing ??= this.runListing().finally(() => {
      this.openListing = undefined;
    });
    return this.openListing;
  }

  /** An IB error sent with an order id. */
  onError(orderId: number, code: number, message: string): void {
    const treatment = ibkrCodeTreatment(code, message);
    if (treatment.kind === 'notice' || treatment.kind === 'system') {
      this.context.log('warn', `IB order ${orderId}: ${code} ${message}`);
      return;
    }
    if (treatment.kind === 'cancelled') {
      this.changed(this.book.onCancelled(orderId, message));
      this.heard(orderId);
      return;
    }
    const error = toIbkrError(code, message);
    if (this.waiters.isCancelling(orderId) && (NOT_CANCELLABLE.has(code) || NO_SUCH_ORDER.has(code))) {
      this.settleCancel(orderId, code, error);
      return;
    }
    const current = this.book.get(orderId);
    const working = current !== undefined && current.status !== 'new';
    if (working && !ALWAYS_FATAL.has(code)) {
      // An error about a working order (a refused modification, a price warning) leaves it working.
      this.context.log('warn', `IB order ${orderId} stays working after ${code}: ${message}`);
      return;
    }
    const failed = this.waiters.failAck(orderId, error);
    this.changed(this.book.onRejected(orderId, `${code}: ${message}`));
    if (!failed) this.context.log('warn', `IB refused order ${orderId}: ${code} ${message}`);
  }

  /** The socket is gone: a placement's fate stays unknown until the reconciliation after reconnect. */
  failAll(): void {
    this.abandonListing?.(
      new BrokerConnectionError('The connection to TWS dropped while it listed open orders', {
        broker: 'ibkr',
      }),
    );
    this.waiters.failAll(
      (orderId) =>
        new BrokerTimeoutError(
          `The connection to TWS dropped before order ${orderId} was confirmed; look it up by its client order id once reconnected`,
          { broker: 'ibkr' },
        ),
    );
  }

  private settleCancel(orderId: number, code: number, error: BrokerError): void {
    const order = this.book.get(orderId);
    this.waiters.settleCancels(orderId, (waiter) => {
      // Filled or cancelled meanwhile: the order's final state is the answer, as the other adapters give it.
      if (order && isFinalStatus(order.status)) waiter.resolve(order);
      else if (NOT_CANCELLABLE.has(code) && order) waiter.resolve(order);
      else waiter.reject(error);
    });
  }

  private runListing(): Promise<Set<number>> {
    const api = this.context.api();
    return new Promise<Set<number>>((resolve, reject) => {
      const listed = new Set<number>();
      const stopOpen = this.wire.on('openOrder', (orderId) => listed.add(orderId));
      const stopEnd = this.wire.on('openOrderEnd', () => {
        cleanup();
        resolve(listed);
      });
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new BrokerTimeoutError(`TWS did not list open orders within ${this.timeoutMs} ms`, {
            broker: 'ibkr',
          }),
        );
      }, this.timeoutMs);
      timer.unref();
      const cleanup = (): void => {
        clearTimeout(timer);
        stopOpen();
        stopEnd();
        this.abandonListing = undefined;
      };
      this.abandonListing = (error) => {
        cleanup();
        reject(error);
      };
      api.reqOpenOrders();
    });
  }
}
