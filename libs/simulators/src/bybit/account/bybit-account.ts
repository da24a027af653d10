import type Big from 'big.js';
import type { BybitAccountConfig, BybitCategory } from '../bybit-simulator-config.js';
import { type BybitInstrument, toPaperInstrument } from '../market/bybit-instrument.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import type { BybitMarket, BybitQuote } from '../market/bybit-market.js';
import {
  dec,
  InsufficientFundsError,
  InvalidOrderError,
  PaperAdapter,
  roundToStep,
  toDecimalString,
} from '../paper-engine.js';
import type { BybitParams } from '../rest/bybit-params.js';
import { BybitAccountBook } from './bybit-account-book.js';
import { EngineEventTranslator } from './bybit-engine-events.js';
import { canAfford } from './bybit-funds-check.js';
import { type BybitOrder, isConditional, isOpenStatus } from './bybit-order.js';
import { orderErrors } from './bybit-order-codes.js';
import { newOrder } from './bybit-order-factory.js';
import { type BybitOrderRequest, parseOrderRequest } from './bybit-order-request.js';
import { leavesQtyOf } from './bybit-order-view.js';
import type { BybitPositionState, PositionChange } from './bybit-position-book.js';
import type { BybitPushSink } from './bybit-private-push.js';
import { triggerReached } from './bybit-triggers.js';
import { BybitPositionExits } from './bybit-position-exits.js';
import { closeUnplaced } from './bybit-unplaced.js';
import { markPriceOf } from '../market/bybit-ticker-view.js';

/** Bybit's per-symbol caps (docs/v5/order/create-order.mdx "Open orders up limit"). */
const MAX_ACTIVE_PER_SYMBOL = 500;
const MAX_CONDITIONAL_PER_SYMBOL = 10;
const MAX_SPOT_OPEN = 500;

/** The order's ids, as create and cancel acknowledge them. */
export interface BybitOrderIds {
  readonly orderId: string;
  readonly orderLinkId: string;
}

/**
 * One unified trading account behind one API key: its own paper engine (the matching, the margin
 * ledger, the fills) fed with the shared market's quotes, and the Bybit rules the engine does not
 * know: orderLinkId, reduce-only, PostOnly, conditional orders and position TP/SL, which wait here and
 * enter the engine when their trigger price trades.
 */
export class BybitAccount {
  readonly uid: number;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly book: BybitAccountBook;
  private readonly engine: PaperAdapter;
  private readonly translator: EngineEventTranslator;
  /** Work that must wait until the engine's current operation has delivered all its events. */
  private readonly followUps: (() => Promise<void>)[] = [];
  private draining = false;
  /** Orders whose TP/SL were set on the position already (on their first fill). */
  private readonly exitsApplied = new Set<string>();
  private readonly exits: BybitPositionExits;

  constructor(
    config: BybitAccountConfig,
    uid: number,
    private readonly registry: BybitInstrumentRegistry,
    private readonly market: BybitMarket,
    private readonly clock: () => number,
    sink: BybitPushSink,
  ) {
    this.uid = uid;
    this.apiKey = config.apiKey;
    this.apiSecret = config.apiSecret;
    this.book = new BybitAccountBook(uid, dec(config.startingBalance), market, clock, sink);
    this.engine = new PaperAdapter(
      {
        account: `bybit-${uid}`,
        currency: 'USDT',
        startingCash: config.startingBalance,
        // Each instrument carries its own fee rates.
        takerFeeBps: 0,
        makerFeeBps: 0,
        slippageBps: 0,
        tickIntervalMs: 0,
        seed: uid,
        historyMinutes: 0,
        instruments: registry.all().map(toPaperInstrument),
      },
      clock,
    );
    this.translator = new EngineEventTranslator({
      positions: this.book.positions,
      order: (orderId) => this.book.order(orderId),
      instrument: (paperSymbol) => registry.byPaperSymbol(paperSymbol),
      nextExecutionSeq: () => this.book.nextExecutionSeq(),
      orderChanged: (order) => this.book.pushOrder(order),
      executed: (execution) => {
        this.book.recordExecution(execution);
        this.book.pushExecution(execution);
      },
      positionChanged: (change, order) => this.onPositionChanged(change, order),
      cashChanged: (cash) => {
        this.book.setCash(cash);
        this.book.pushWallet();
      },
    });
    this.engine.events.subscribe((event) => this.translator.handle(event));
    this.exits = new BybitPositionExits(this.book, market, clock);
  }

  async start(): Promise<void> {
    await this.engine.connect();
    for (const instrument of this.registry.all()) {
      const quote = this.market.quote(instrument);
      this.engine.setQuote(instrument.paperSymbol, quote.bid.toFixed(), quote.ask.toFixed());
    }
  }

  async stop(): Promise<void> {
    await this.engine.disconnect();
  }

  /** `/v5/order/create`: checks, records and places an order; resolves once the engine has matched it. */
  async createOrder(params: BybitParams): Promise<BybitOrderIds> {
    const request = parseOrderRequest(params, this.registry, {
      last: (instrument) => this.market.quote(instrument).last,
      mark: (instrument) => markPriceOf(this.market.quote(instrument)),
    });
    const errors = orderErrors(request.category);
    if (request.orderLinkId !== '' && this.book.hasLinkId(request.orderLinkId))
      throw errors.duplicateLinkId();
    this.checkOpenOrderCaps(request);
    const quote = this.market.quote(request.instrument);
    const order = newOrder(request, this.book.nextOrderSequence(), quote.last, this.clock());
    if (isConditional(order)) {
      this.book.add(order);
      this.book.pushOrder(order);
      this.pushPositionOf(order.instrument);
      return ids(order);
    }
    const qty = this.engineQty(order, quote);
    if (!canAfford(this.book, order, qty, quote)) throw errors.insufficient();
    this.book.add(order);
    if (order.timeInForce === 'PostOnly' && wouldTake(order, quote)) {
      this.endUnplaced(order, 'Cancelled', 'UNKNOWN', 'EC_PostOnlyWillTakeLiquidity');
      return ids(order);
    }
    try {
      await this.operate(() => this.place(order, qty));
    } catch (error) {
      this.book.discard(order);
      if (error instanceof InsufficientFundsError) throw errors.insufficient();
      throw error;
    }
    this.pushPositionOf(order.instrument);
    if (isOpenStatus(order.status)) this.book.pushWallet();
    return ids(order);
  }

  /** `/v5/order/cancel` of one open order found by the caller. */
  async cancelOrder(order: BybitOrder, cancelType = 'CancelByUser'): Promise<BybitOrderIds> {
    if (!isOpenStatus(order.status)) throw orderErrors(order.category).notFound();
    if (order.paperOrderId === null) {
      this.endUnplaced(order, 'Deactivated', cancelType, 'EC_NoError');
      if (order.stopOrderType === 'TakeProfit') this.book.positions.of(order.instrument).takeProfit = null;
      if (order.stopOrderType === 'StopLoss') this.book.positions.of(order.instrument).stopLoss = null;
    } else {
      const engineId = order.paperOrderId;
      order.pendingCancelType = cancelType;
      try {
        await this.operate(async () => {
          await this.engine.cancelOrder(engineId);
        });
      } catch (error) {
        // The engine has closed it meanwhile (filled on the last quote): too late to cancel, as Bybit says.
        order.pendingCancelType = null;
        if (error instanceof InvalidOrderError) throw orderErrors(order.category).notFound();
        throw error;
      }
      this.book.pushWallet();
    }
    this.pushPositionOf(order.instrument);
    return ids(order);
  }

  /** The account mirrors a market quote into its engine (resting orders match), then fires triggers. */
  async onQuote(quote: BybitQuote): Promise<void> {
    await this.operate(async () => {
      this.engine.setQuote(quote.instrument.paperSymbol, quote.bid.toFixed(), quote.ask.toFixed());
      return Promise.resolve();
    });
    await this.fireTriggers(quote);
  }

  /** The quoted size changed: resting orders get the new depth at once. */
  async onDepth(instrument: BybitInstrument, depth: Big): Promise<void> {
    await this.operate(async () => {
      this.engine.setDepth(instrument.paperSymbol, depth.toFixed());
      return Promise.resolve();
    });
  }

  /** Runs an engine operation, then the follow-ups its events asked for, until none are left. */
  private async operate<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } finally {
      if (!this.draining) {
        this.draining = true;
        try {
          for (let next = this.followUps.shift(); next; next = this.followUps.shift()) await next();
        } finally {
          this.draining = false;
        }
      }
    }
  }

  /** Hands `order` to the engine for `qty` base coin. The engine's events update the record. */
  private async place(order: BybitOrder, qty: Big): Promise<void> {
    order.paperQty = qty;
    const closing = order.closeOnTrigger && isConditional(order);
    await this.engine.placeOrder({
      clientOrderId: order.orderId,
      symbol: order.instrument.paperSymbol,
      side: order.side === 'Buy' ? 'buy' : 'sell',
      type: order.orderType === 'Market' ? 'market' : 'limit',
      quantity: toDecimalString(qty),
      ...(order.price ? { price: toDecimalString(order.price) } : {}),
      // A triggered TP/SL keeps working until the position is closed; Bybit's Market is IOC otherwise.
      timeInForce: closing ? 'gtc' : engineTimeInForce(order),
    });
  }

  /**
   * Base-coin quantity for the engine; a spot market order by value trades what its amount is worth at
   * the touch (the ask for a Buy, the bid for a Sell), rounded down to the base precision.
   */
  private engineQty(order: BybitOrder, quote: BybitQuote): Big {
    if (order.marketUnit !== 'quoteCoin') return this.reduceOnlyQty(order) ?? order.qty;
    const touch = order.side === 'Buy' ? quote.ask : quote.bid;
    const qty = roundToStep(order.qty.div(touch), order.instrument.qtyStep, 'down');
    if (qty.lte(0)) throw orderErrors('spot').qtyNotPositive();
    return qty;
  }

  /**
   * A reduce-only order only shrinks the position: refused with 110017 when there is nothing on the
   * other side, cut to the position's size when larger.
   */
  private reduceOnlyQty(order: BybitOrder): Big | null {
    if (!order.reduceOnly) return null;
    const size = this.book.positions.of(order.instrument).size;
    const closes = order.side === 'Buy' ? size.lt(0) : size.gt(0);
    if (!closes) throw orderErrors(order.category).reduceOnlyEmpty();
    if (order.qty.gt(size.abs())) order.qty = size.abs();
    return order.qty;
  }

  private checkOpenOrderCaps(request: BybitOrderRequest): void {
    const errors = orderErrors(request.category);
    const open = this.book.openOrders(request.category);
    if (request.category === 'spot') {
      if (open.length >= MAX_SPOT_OPEN) throw errors.tooManyOrders();
      return;
    }
    const same = open.filter((order) => order.instrument === request.instrument);
    if (request.triggerPrice !== null) {
      if (same.filter((order) => order.stopOrderType === 'Stop').length >= MAX_CONDITIONAL_PER_SYMBOL) {
        throw errors.tooManyStopOrders();
      }
    } else if (same.filter((order) => !isConditional(order)).length >= MAX_ACTIVE_PER_SYMBOL) {
      throw errors.tooManyOrders();
    }
  }

  /** Closes an order that never reached the engine (PostOnly refused, conditional cancelled). */
  private endUnplaced(
    order: BybitOrder,
    status: 'Cancelled' | 'Deactivated',
    cancelType: string,
    reason: string,
  ): void {
    closeUnplaced(this.book, order, { status, cancelType, reason, nowMs: this.clock() });
  }

  private pushPositionOf(instrument: BybitInstrument): void {
    // docs/v5/websocket/private/position.mdx: a push follows every order create, amend and cancel.
    if (instrument.category === 'linear') this.book.pushPosition(this.book.positions.of(instrument));
  }

  private onPositionChanged(change: PositionChange, order: BybitOrder): void {
    this.book.pushPosition(change.state);
    if (change.state.instrument.category !== 'linear') return;
    this.followUps.push(() => this.afterPositionChange(change, order));
  }

  /** Keeps the position's TP/SL and its reduce-only orders consistent with what the fill left. */
  private async afterPositionChange(change: PositionChange, order: BybitOrder): Promise<void> {
    const { state, before } = change;
    const flipped = !before.eq(0) && (state.size.eq(0) || state.size.gt(0) !== before.gt(0));
    if (flipped) this.exits.clear(state);
    const opened = !state.size.eq(0) && state.size.gt(0) === (order.side === 'Buy');
    if (opened && (order.takeProfit || order.stopLoss) && !this.exitsApplied.has(order.orderId)) {
      this.exitsApplied.add(order.orderId);
      this.exits.set(state, order);
      await this.fireTriggers(this.market.quote(state.instrument));
    }
    await this.trimReduceOnly(state);
  }

  /**
   * Reduce-only orders may never outgrow the position: all go when it is flat or on their side, the
   * newest go first when together they exceed it (cancelType CancelByReduceOnly).
   */
  private async trimReduceOnly(state: BybitPositionState): Promise<void> {
    const working = this.book
      .openOrders('linear')
      .filter(
        (order) => order.instrument === state.instrument && order.reduceOnly && order.paperOrderId !== null,
      );
    let room = state.size.abs();
    // Oldest first keep their place; openOrders lists newest first.
    for (const order of working.reverse()) {
      const closes = order.side === 'Buy' ? state.size.lt(0) : state.size.gt(0);
      const leaves = leavesQtyOf(order);
      if (closes && leaves.lte(room)) {
        room = room.minus(leaves);
        continue;
      }
      await this.cancelOrder(order, 'CancelByReduceOnly');
    }
  }

  /** Fires the untriggered orders of the quote's instrument whose trigger price has traded. */
  private async fireTriggers(quote: BybitQuote): Promise<void> {
    const waiting = this.book
      .openOrders(quote.instrument.category)
      .filter((order) => order.instrument === quote.instrument && triggerReached(order, quote))
      .reverse();
    for (const order of waiting) {
      if (order.status === 'Untriggered') await this.trigger(order, quote);
    }
  }

  /** Untriggered → Triggered, then into the engine as the Market or Limit order it becomes. */
  private async trigger(order: BybitOrder, quote: BybitQuote): Promise<void> {
    order.status = 'Triggered';
    order.updatedTime = this.clock();
    this.book.pushOrder(order);
    const size = this.book.positions.of(order.instrument).size;
    let qty = order.qty;
    if (order.closeOnTrigger || order.reduceOnly) {
      const closes = order.side === 'Buy' ? size.lt(0) : size.gt(0);
      if (!closes) {
        const cancelType = order.stopOrderType === 'Stop' ? 'CancelByReduceOnly' : 'CancelByTpSlTsClear';
        this.endUnplaced(order, 'Deactivated', cancelType, 'EC_NoError');
        return;
      }
      qty = order.stopOrderType === 'Stop' && order.qty.lt(size.abs()) ? order.qty : size.abs();
      order.qty = qty;
    }
    if (!canAfford(this.book, order, qty, quote)) {
      // docs: "If the margin is insufficient after the conditional order is triggered, the order will be cancelled."
      this.endUnplaced(order, 'Cancelled', 'UNKNOWN', 'EC_Others');
      return;
    }
    if (order.timeInForce === 'PostOnly' && wouldTake(order, quote)) {
      this.endUnplaced(order, 'Cancelled', 'UNKNOWN', 'EC_PostOnlyWillTakeLiquidity');
      return;
    }
    try {
      await this.operate(() => this.place(order, qty));
    } catch (error) {
      if (!(error instanceof InsufficientFundsError)) throw error;
      order.paperQty = null;
      this.endUnplaced(order, 'Cancelled', 'UNKNOWN', 'EC_Others');
    }
  }

  /** For the test hooks: the category's orders, newest first. */
  orders(category?: BybitCategory): BybitOrder[] {
    return this.book.allOrders(category);
  }
}

function ids(order: BybitOrder): BybitOrderIds {
  return { orderId: order.orderId, orderLinkId: order.orderLinkId };
}

/** A limit that would trade on arrival: what PostOnly refuses. */
function wouldTake(order: BybitOrder, quote: BybitQuote): boolean {
  if (!order.price) return true;
  return order.side === 'Buy' ? order.price.gte(quote.ask) : order.price.lte(quote.bid);
}

function engineTimeInForce(order: BybitOrder): 'gtc' | 'ioc' | 'fok' {
  if (order.orderType === 'Market' || order.timeInForce === 'IOC') return 'ioc';
  if (order.timeInForce === 'FOK') return 'fok';
  return 'gtc';
}
