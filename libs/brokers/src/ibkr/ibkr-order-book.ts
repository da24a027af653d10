import { OrderAction, type Contract, type Order, type OrderState } from '@stoqey/ib';
import { dec, toDecimalString } from '../decimal/index.js';
import {
  isFinalStatus,
  type BrokerOrder,
  type OrderRole,
  type OrderStatus,
  type OrderType,
  type TimeInForce,
} from '../domain/index.js';
import { CHILD_SUFFIX } from './ibkr-order-builder.js';
import { toOrderStatus } from './ibkr-order-status.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const TYPES: Readonly<Record<string, OrderType>> = {
  MKT: 'market',
  LMT: 'limit',
  STP: 'stop',
  'STP LMT': 'stop_limit',
  TRAIL: 'trailing_stop',
};
const TIFS: Readonly<Record<string, TimeInForce>> = { GTC: 'gtc', DAY: 'day', IOC: 'ioc', FOK: 'fok' };

const decimal = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '0' : toDecimalString(dec(value));
const priceOrNull = (value: number | undefined): string | null =>
  value === undefined || !Number.isFinite(value) || value === 0 ? null : toDecimalString(dec(value));

function roleOf(orderRef: string, parentId: number | undefined): OrderRole {
  if (orderRef.endsWith(CHILD_SUFFIX.take_profit)) return 'take_profit';
  if (orderRef.endsWith(CHILD_SUFFIX.stop_loss)) return 'stop_loss';
  return parentId ? 'take_profit' : 'entry';
}

/**
 * Every order of this client id seen in the session, final ones included (TWS lists only open orders,
 * so this is how a cancelled or filled order is still found), keyed by IB order id. Each update
 * returns the order when it changed, so the adapter emits exactly the changes.
 */
export class IbkrOrderBook {
  private readonly byId = new Map<number, Mutable<BrokerOrder>>();
  private readonly byClientOrderId = new Map<string, number>();
  private readonly permIds = new Map<number, number>();

  /** Records an order the adapter is about to send. */
  track(order: Omit<BrokerOrder, 'createdAt' | 'updatedAt'>, now = new Date()): BrokerOrder {
    const record = { ...order, createdAt: now.toISOString(), updatedAt: now.toISOString() };
    this.byId.set(Number(order.brokerOrderId), record);
    this.byClientOrderId.set(order.clientOrderId, Number(order.brokerOrderId));
    return { ...record };
  }

  get(orderId: number): BrokerOrder | undefined {
    const record = this.byId.get(orderId);
    return record ? { ...record } : undefined;
  }

  has(orderId: number): boolean {
    return this.byId.has(orderId);
  }

  byClient(clientOrderId: string): BrokerOrder | undefined {
    const id = this.byClientOrderId.get(clientOrderId);
    return id === undefined ? undefined : this.get(id);
  }

  open(): BrokerOrder[] {
    return [...this.byId.values()]
      .filter((order) => !isFinalStatus(order.status))
      .map((order) => ({ ...order }));
  }

  permIdOf(orderId: number): number | undefined {
    return this.permIds.get(orderId);
  }

  /** OPEN_ORDER: the order's terms, and a status; an order of an earlier session is learnt here. */
  onOpenOrder(
    orderId: number,
    symbol: string,
    contract: Contract,
    order: Order,
    state: OrderState,
  ): BrokerOrder | undefined {
    if (order.permId) this.permIds.set(orderId, order.permId);
    let record = this.byId.get(orderId);
    if (!record) {
      const orderRef = order.orderRef ?? '';
      const type = TYPES[order.orderType] ?? 'limit';
      const now = new Date().toISOString();
      record = {
        brokerOrderId: String(orderId),
        clientOrderId: orderRef || `ib-${order.permId ?? orderId}`,
        symbol: symbol || contract.localSymbol || '',
        side: order.action === OrderAction.BUY ? 'buy' : 'sell',
        type,
        timeInForce: TIFS[order.tif ?? ''] ?? 'day',
        quantity: decimal(order.totalQuantity),
        filledQuantity: '0',
        averageFillPrice: null,
        price: type === 'limit' || type === 'stop_limit' ? priceOrNull(order.lmtPrice) : null,
        stopPrice:
          type === 'stop' || type === 'stop_limit'
            ? priceOrNull(order.auxPrice)
            : type === 'trailing_stop'
              ? priceOrNull(order.trailStopPrice)
              : null,
        ...(type === 'trailing_stop' ? { trailingAmount: priceOrNull(order.auxPrice) } : {}),
        status: 'new',
        role: roleOf(orderRef, order.parentId),
        parentOrderId: order.parentId ? String(order.parentId) : null,
        rejectReason: null,
        createdAt: now,
        updatedAt: now,
      };
      this.byId.set(orderId, record);
      this.byClientOrderId.set(record.clientOrderId, orderId);
    }
    const filled = Number(record.filledQuantity);
    // A trailing stop's stop moves with the market: TWS reports where it stands in each OPEN_ORDER.
    const trail = record.type === 'trailing_stop' ? priceOrNull(order.trailStopPrice) : null;
    return this.moveTo(orderId, toOrderStatus(state.status, filled), trail ? { stopPrice: trail } : {});
  }

  /** ORDER_STATUS: status, cumulative filled quantity and average price. */
  onOrderStatus(
    orderId: number,
    ibStatus: string,
    filled: number,
    avgFillPrice: number,
    permId?: number,
  ): BrokerOrder | undefined {
    if (permId) this.permIds.set(orderId, permId);
    if (!this.byId.has(orderId)) return undefined;
    const fill =
      filled > 0 ? { filledQuantity: decimal(filled), averageFillPrice: priceOrNull(avgFillPrice) } : {};
    return this.moveTo(orderId, toOrderStatus(ibStatus, filled), fill);
  }

  /**
   * An execution of the order (live, or recovered after an outage when its status messages were lost):
   * its cumulative quantity and average price say how far the order is filled.
   */
  onExecution(orderId: number, cumQty: number, avgPrice: number): BrokerOrder | undefined {
    const record = this.byId.get(orderId);
    if (!record || !(cumQty > 0) || dec(cumQty).lte(record.filledQuantity)) return undefined;
    const status: OrderStatus = dec(cumQty).gte(record.quantity) ? 'filled' : 'partially_filled';
    return this.moveTo(orderId, status, {
      filledQuantity: decimal(cumQty),
      averageFillPrice: priceOrNull(avgPrice),
    });
  }

  /** An IB error that ends the order (201, 203, 110 on a new order…). */
  onRejected(orderId: number, reason: string): BrokerOrder | undefined {
    const record = this.byId.get(orderId);
    if (!record || isFinalStatus(record.status)) return undefined;
    const status: OrderStatus = dec(record.filledQuantity).gt(0) ? 'cancelled' : 'rejected';
    return this.moveTo(orderId, status, { rejectReason: reason });
  }

  /** 202: TWS cancelled the order (the answer to a cancel, or IB's own cancel). */
  onCancelled(orderId: number, reason: string): BrokerOrder | undefined {
    return this.moveTo(orderId, 'cancelled', reason ? { rejectReason: reason } : {});
  }

  /**
   * Applies a status unless it would move a final order backwards (a late Submitted after Filled);
   * only more filled quantity may still change a final order.
   */
  private moveTo(
    orderId: number,
    status: OrderStatus | undefined,
    fields: Partial<Pick<BrokerOrder, 'filledQuantity' | 'averageFillPrice' | 'rejectReason' | 'stopPrice'>>,
  ): BrokerOrder | undefined {
    const record = this.byId.get(orderId);
    if (!record) return undefined;
    const moreFilled =
      fields.filledQuantity !== undefined && dec(fields.filledQuantity).gt(record.filledQuantity);
    const next: Mutable<BrokerOrder> = { ...record };
    if (fields.filledQuantity !== undefined && moreFilled) {
      next.filledQuantity = fields.filledQuantity;
      next.averageFillPrice = fields.averageFillPrice ?? next.averageFillPrice;
    }
    if (fields.rejectReason !== undefined && !isFinalStatus(record.status))
      next.rejectReason = fields.rejectReason;
    // PendingSubmit after Submitted (a duplicate, late message) says nothing new.
    const backToNew = status === 'new' && record.status !== 'new';
    if (status && !backToNew && (!isFinalStatus(record.status) || (status === 'filled' && moreFilled))) {
      next.status = status === 'cancelled' && record.status === 'partially_filled' ? 'cancelled' : status;
    }
    if (
      next.status === record.status &&
      next.filledQuantity === record.filledQuantity &&
      next.averageFillPrice === record.averageFillPrice &&
      next.rejectReason === record.rejectReason &&
      next.stopPrice === record.stopPrice
    ) {
      return undefined;
    }
    next.updatedAt = new Date().toISOString();
    this.byId.set(orderId, next);
    return { ...next };
  }
}
