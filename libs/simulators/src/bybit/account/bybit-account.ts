import type Big from 'big.js';
import type { BybitAccountConfig, BybitCategory } from '../bybit-simulator-config.js';
import { type BybitInstrument, toPaperInstrument } from '../market/bybit-instrument.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import type { BybitMarket, BybitQuote } from '../market/bybit-market.js';
import { markPriceOf } from '../market/bybit-ticker-view.js';
import { dec, InsufficientFundsError, InvalidOrderError } from '../../paper-engine.js';
import type { BybitParams } from '../rest/bybit-params.js';
import { BybitAccountBook } from './bybit-account-book.js';
import { BybitAccountEngine } from './bybit-account-engine.js';
import { BybitConditionalOrders } from './bybit-conditional-orders.js';
import { EngineEventTranslator } from './bybit-engine-events.js';
import { canAfford } from './bybit-funds-check.js';
import { type BybitOrder, isConditional, isOpenStatus } from './bybit-order.js';
import { checkOpenOrderCaps, engineQty, wouldTake } from './bybit-order-admission.js';
import { orderErrors } from './bybit-order-codes.js';
import { newOrder } from './bybit-order-factory.js';
import { parseOrderRequest } from './bybit-order-request.js';
import { leavesQtyOf } from './bybit-order-view.js';
import type { BybitPositionState, PositionChange } from './bybit-position-book.js';
import { BybitPositionExits } from './bybit-position-exits.js';
import type { BybitPushSink } from './bybit-private-push.js';
import { closeUnplaced } from './bybit-unplaced.js';

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
  private readonly engine: BybitAccountEngine;
  private readonly translator: EngineEventTranslator;
  private readonly conditionals: BybitConditionalOrders;
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
    this.engine = new BybitAccountEngine(
      uid,
      config.startingBalance,
      registry.all().map(toPaperInstrument),
      clock,
      (event) => this.translator.handle(event),
    );
    this.conditionals = new BybitConditionalOrders(this.book, this.engine, clock);
    this.exits = new BybitPositionExits(this.book, market, clock);
  }

  async start(): Promise<void> {
    await this.engine.connect();
    for (const instrument of this.registry.all()) {
      const quote = this.market.quote(instrument);
      this.engine.setQuote(instrument, quote.bid, quote.ask);
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
    checkOpenOrderCaps(this.book, request);
    const quote = this.market.quote(request.instrument);
    const order = newOrder(request, this.book.nextOrderSequence(), quote.last, this.clock());
    if (isConditional(order)) {
      this.book.add(order);
      this.book.pushOrder(order);
      this.pushPositionOf(order.instrument);
      return ids(order);
    }
    const qty = engineQty(this.book, order, quote);
    if (!canAfford(this.book, order, qty, quote)) throw errors.insufficient();
    this.book.add(order);
    if (order.timeInForce === 'PostOnly' && wouldTake(order, quote)) {
      this.endUnplaced(order, 'Cancelled', 'UNKNOWN', 'EC_PostOnlyWillTakeLiquidity');
      return ids(order);
    }
    try {
      await this.engine.operate(() => this.engine.place(order, qty));
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
        await this.engine.operate(() => this.engine.cancel(engineId));
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
    await this.engine.operate(async () => {
      this.engine.setQuote(quote.instrument, quote.bid, quote.ask);
      return Promise.resolve();
    });
    await this.conditionals.fire(quote);
  }

  /** The quoted size changed: resting orders get the new depth at once. */
  async onDepth(instrument: BybitInstrument, depth: Big): Promise<void> {
    await this.engine.operate(async () => {
      this.engine.setDepth(instrument, depth);
      return Promise.resolve();
    });
  }

  /** For the test hooks: the category's orders, newest first. */
  orders(category?: BybitCategory): BybitOrder[] {
    return this.book.allOrders(category);
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
    this.engine.later(() => this.afterPositionChange(change, order));
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
      await this.conditionals.fire(this.market.quote(state.instrument));
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
}

function ids(order: BybitOrder): BybitOrderIds {
  return { orderId: order.orderId, orderLinkId: order.orderLinkId };
}
