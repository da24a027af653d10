import type Big from 'big.js';
import type {
  BrokerCapabilities,
  BrokerEvent,
  OrderRequest,
  OrderSide,
  OrderStatus,
  OrderType,
} from '../../domain/index.js';
import { dec, toDecimalString } from '../../decimal/index.js';
import {
  InsufficientFundsError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderRejectedError,
} from '../../errors/index.js';
import { createChild, resizeChild, siblingOf, validateBracket } from './bracket-children.js';
import { DepthBook } from './depth-book.js';
import { ExecutionBooker } from '../ledger/execution-booker.js';
import { limitCrosses, marketFillPrice, stopTriggers, touchPrice } from './fill-pricing.js';
import { OrderStore } from './order-store.js';
import { type ValidatedOrder, validateOrderRequest } from './order-validation.js';
import type { PaperInstrumentConfig } from '../paper-config.js';
import type { PaperLedger } from '../ledger/paper-ledger.js';
import { isOpen, nextUtcMidnight, type PaperOrder, remainingOf, toBrokerOrder } from './paper-order.js';
import { fromOrderRecord, type PaperOrderRecord } from '../journal/paper-order-record.js';
import { type PaperQuote, ZERO } from '../market/paper-quote.js';

export interface MatchingEngineOptions {
  readonly account: string;
  readonly slippageBps: number;
  readonly capabilities: BrokerCapabilities;
  readonly ledger: PaperLedger;
  readonly executions: ExecutionBooker;
  readonly instrument: (symbol: string) => PaperInstrumentConfig;
  readonly quote: (symbol: string) => PaperQuote;
  readonly clock: () => number;
  readonly emit: (event: BrokerEvent) => void;
  /**
   * Called whenever an order's state changed, before its event (if any): also for matching state that
   * has no event (a stop triggered, a limit now resting), so that a journal can resume it exactly.
   */
  readonly changed: (order: PaperOrder) => void;
  /** Prefix of broker order ids, unique per run so ids never repeat across restarts. */
  readonly idPrefix: string;
}

/**
 * Matches the paper account's orders against the feed's quotes: market, limit, stop and stop-limit
 * orders, gtc/ioc/fok/day, brackets with one-cancels-other exits, each quote filling at most its size.
 */
export class MatchingEngine {
  private readonly orders: OrderStore;
  private readonly depth = new DepthBook();

  constructor(private readonly options: MatchingEngineOptions) {
    this.orders = new OrderStore(options.idPrefix);
  }

  /**
   * Validates, checks margin and accepts an order, then lets it trade against the current quote. Throws
   * (and records nothing) when the broker would refuse it.
   */
  place(request: OrderRequest): PaperOrder {
    const instrument = this.options.instrument(request.symbol);
    const valid = validateOrderRequest(request, instrument, this.options.capabilities);
    if (this.orders.hasClientOrderId(request.clientOrderId)) {
      throw new OrderRejectedError(
        `clientOrderId ${request.clientOrderId} was already used on this account`,
        {
          broker: 'paper',
          brokerCode: 'duplicate_client_order_id',
        },
      );
    }
    const quote = this.options.quote(request.symbol);
    const reference = referencePrice(request.type, request.side, valid, quote);
    validateBracket(request.side, reference, valid.takeProfit, valid.stopLoss);
    this.checkMargin(request.symbol, request.side, valid.quantity, reference);

    const now = this.options.clock();
    const entry: PaperOrder = {
      brokerOrderId: this.orders.nextId(),
      clientOrderId: request.clientOrderId,
      symbol: request.symbol,
      side: request.side,
      type: request.type,
      timeInForce: request.timeInForce,
      quantity: valid.quantity,
      filledQuantity: ZERO,
      filledNotional: ZERO,
      price: valid.price,
      stopPrice: valid.stopPrice,
      status: 'submitted',
      role: 'entry',
      parent: null,
      reason: null,
      createdMs: now,
      updatedMs: now,
      triggered: false,
      rested: false,
      expiresAtMs: request.timeInForce === 'day' ? nextUtcMidnight(now) : null,
      children: [],
    };
    this.accept(entry);
    if (valid.takeProfit)
      this.accept(createChild(entry, 'take_profit', valid.takeProfit, this.orders.nextId(), now));
    if (valid.stopLoss)
      this.accept(createChild(entry, 'stop_loss', valid.stopLoss, this.orders.nextId(), now));
    this.work(entry, quote, true);
    for (const child of entry.children) this.work(child, quote, false);
    return entry;
  }

  /** Cancels an open order; a bracket entry cancelled before any fill takes its exits with it. */
  cancel(brokerOrderId: string): PaperOrder {
    const order = this.get(brokerOrderId);
    if (!isOpen(order)) {
      throw new InvalidOrderError(
        `order ${brokerOrderId} is ${order.status}: only open orders can be cancelled`,
        {
          broker: 'paper',
        },
      );
    }
    this.finish(order, 'cancelled', null);
    return order;
  }

  get(brokerOrderId: string): PaperOrder {
    const order = this.orders.get(brokerOrderId);
    if (!order)
      throw new OrderNotFoundError(`no order ${brokerOrderId} on this account`, { broker: 'paper' });
    return order;
  }

  /** The retained order placed with `clientOrderId`, open or final. */
  findByClientOrderId(clientOrderId: string): PaperOrder | undefined {
    return this.orders.byClient(clientOrderId);
  }

  /** Open orders, oldest first. */
  open(): PaperOrder[] {
    return this.orders.open();
  }

  /**
   * Takes back orders from a journal, silently (they were announced before the restart), in creation
   * order: open ones rest again in that time priority, bracket children re-attach to their entry. They
   * first trade on the next quote, not here: nobody is subscribed yet to hear about it.
   */
  restore(records: readonly PaperOrderRecord[]): void {
    const restored = new Map<string, PaperOrder>();
    for (const record of records) {
      const parent = record.parentOrderId === null ? null : (restored.get(record.parentOrderId) ?? null);
      const order = fromOrderRecord(record, parent);
      restored.set(order.brokerOrderId, order);
      this.orders.add(order);
    }
  }

  /** A new quote: its size is available again and every open order of its symbol gets a chance. */
  onQuote(quote: PaperQuote): void {
    this.depth.refill(quote.symbol, quote.size);
    for (const order of this.orders.open(quote.symbol)) this.work(order, quote, false);
  }

  /** Expires `day` orders whose UTC midnight has passed; called before the quotes of a tick match. */
  expireDayOrders(nowMs: number): void {
    for (const order of this.orders.open()) {
      if (order.expiresAtMs !== null && nowMs >= order.expiresAtMs) {
        this.finish(order, 'expired', 'day order reached the end of its UTC day');
      }
    }
  }

  /** Lets `order` trade against `quote`. `arriving`: it just reached the book, so ioc/fok apply now. */
  private work(order: PaperOrder, quote: PaperQuote, arriving: boolean): void {
    const wanted = remainingOf(order);
    if (!isOpen(order) || wanted.lte(0)) return;
    if (order.stopPrice && !order.triggered) {
      if (!stopTriggers(order.side, order.stopPrice, quote)) return;
      order.triggered = true;
      this.options.changed(order);
      // A triggered stop reaches the book now, so its time in force is judged now.
      arriving = true;
    }
    const { price, liquidity } = this.executionPrice(order, quote);
    const available = this.depth.available(order.symbol, order.side);
    if (arriving && order.timeInForce === 'fok' && (price === null || available.lt(wanted))) {
      const fillable = price === null ? '0' : toDecimalString(available.lt(wanted) ? available : wanted);
      this.finish(
        order,
        'expired',
        `fill-or-kill: only ${fillable} of ${toDecimalString(wanted)} available at once`,
      );
      return;
    }
    if (price !== null && available.gt(0)) {
      const quantity = available.lt(wanted) ? available : wanted;
      this.depth.take(order.symbol, order.side, quantity);
      this.execute(order, quantity, price, liquidity);
    }
    if (arriving && order.timeInForce === 'ioc' && isOpen(order)) {
      this.finish(order, 'cancelled', 'immediate-or-cancel: unfilled remainder cancelled');
    }
  }

  /** Where `order` would trade on `quote` now, or null price when it cannot. */
  private executionPrice(
    order: PaperOrder,
    quote: PaperQuote,
  ): { price: Big | null; liquidity: 'maker' | 'taker' } {
    if (order.type === 'market' || order.type === 'stop') {
      const tickSize = this.options.instrument(order.symbol).tickSize;
      return {
        price: marketFillPrice(order.side, quote, this.options.slippageBps, dec(tickSize)),
        liquidity: 'taker',
      };
    }
    if (order.price && limitCrosses(order.side, order.price, quote)) {
      return order.rested
        ? { price: order.price, liquidity: 'maker' }
        : { price: touchPrice(order.side, quote), liquidity: 'taker' };
    }
    if (!order.rested) {
      order.rested = true;
      this.options.changed(order);
    }
    return { price: null, liquidity: 'maker' };
  }

  private execute(order: PaperOrder, quantity: Big, price: Big, liquidity: 'maker' | 'taker'): void {
    const now = this.options.clock();
    order.filledQuantity = order.filledQuantity.plus(quantity);
    order.filledNotional = order.filledNotional.plus(quantity.times(price));
    order.updatedMs = now;
    if (order.parent) resizeChild(order, now);
    else order.status = remainingOf(order).eq(0) ? 'filled' : 'partially_filled';
    this.orders.settle(order);
    this.options.changed(order);
    this.options.executions.book(order, quantity, price, liquidity, now);
    this.resizeRelatives(order, now);
  }

  /** Ends an open order and lets its bracket follow. */
  private finish(order: PaperOrder, status: OrderStatus, reason: string | null): void {
    const now = this.options.clock();
    order.status = status;
    order.reason = reason;
    order.updatedMs = now;
    this.publish(order);
    this.resizeRelatives(order, now);
  }

  /** After `order` changed: an entry's children, or a child's sibling, are re-sized. */
  private resizeRelatives(order: PaperOrder, nowMs: number): void {
    const related = order.parent ? [siblingOf(order)] : order.children;
    for (const other of related) {
      if (other && resizeChild(other, nowMs)) this.publish(other);
    }
  }

  private accept(order: PaperOrder): void {
    this.orders.add(order);
    this.publish(order);
  }

  private publish(order: PaperOrder): void {
    this.orders.settle(order);
    this.options.changed(order);
    this.options.emit({ type: 'order', account: this.options.account, order: toBrokerOrder(order) });
  }

  /** Refuses an order whose added exposure needs more margin than is free. */
  private checkMargin(symbol: string, side: OrderSide, quantity: Big, reference: Big): void {
    const required = this.options.ledger.additionalMargin(symbol, side, quantity, reference);
    if (required.eq(0)) return;
    const free = this.options.ledger.marginFree();
    if (required.gt(free)) {
      throw new InsufficientFundsError(
        `order needs ${toDecimalString(required)} margin, only ${toDecimalString(free)} is free`,
        { broker: 'paper' },
      );
    }
  }
}

/** The price an order is expected to fill near: its limit, else its stop, else the quote it would take. */
function referencePrice(type: OrderType, side: OrderSide, valid: ValidatedOrder, quote: PaperQuote): Big {
  if (type === 'limit' || type === 'stop_limit') return valid.price ?? touchPrice(side, quote);
  if (type === 'stop') return valid.stopPrice ?? touchPrice(side, quote);
  return touchPrice(side, quote);
}
