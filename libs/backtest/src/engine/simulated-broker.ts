import type { BarSeries } from '../data/bar-series.js';
import type { StrategyFill, StrategyOrderRequest } from '../strategy/strategy-order.js';
import type { BacktestSettings } from './backtest-settings.js';
import type { ClosedTrade } from './closed-trade.js';
import { ExecutionCosts } from './execution-costs.js';
import { FILL_PASSES, fillPriceInPass } from './fill-model.js';
import { PositionLedger } from './position-ledger.js';
import { orderProblem, type WorkingOrder } from './working-order.js';

export interface BrokerEvents {
  onFill(fill: StrategyFill): void;
  onRejected(order: WorkingOrder): void;
}

/**
 * The backtest's account: cash, one position per symbol, the open orders, and how they fill against each
 * bar. No leverage: a fill that would take gross exposure above equity is cut to what equity allows.
 */
export class SimulatedBroker {
  cash: number;
  totalFees = 0;
  /** Symbols with a position open: the loop's cheap test for "in the market". */
  positionsOpen = 0;
  readonly ledgers: PositionLedger[];
  readonly lastPrice: Float64Array;
  readonly open: WorkingOrder[] = [];
  readonly fills: StrategyFill[] = [];
  readonly trades: ClosedTrade[] = [];
  private readonly costs: ExecutionCosts[];
  private nextId = 1;

  constructor(
    readonly symbols: readonly string[],
    private readonly settings: BacktestSettings,
    private readonly events: BrokerEvents,
  ) {
    this.cash = settings.startingCash;
    this.ledgers = symbols.map((symbol) => new PositionLedger(symbol, this.trades));
    this.costs = symbols.map((symbol) => new ExecutionCosts(symbol, settings));
    this.lastPrice = new Float64Array(symbols.length).fill(Number.NaN);
  }

  /** Writes equity into `curve` at `step` rather than returning it: the loop's one number per bar, unboxed. */
  markEquity(curve: Float64Array, step: number): void {
    curve[step] = this.positionsOpen === 0 ? this.cash : this.equity();
  }

  equity(): number {
    let equity = this.cash;
    for (let index = 0; index < this.ledgers.length; index += 1) {
      const held = this.ledgers[index]!.quantity;
      if (held !== 0) equity += held * this.lastPrice[index]!;
    }
    return equity;
  }

  submit(request: StrategyOrderRequest, symbolIndex: number, step: number): WorkingOrder {
    const costs = this.costs[symbolIndex]!;
    const type = request.type ?? 'market';
    const limitPrice = request.limitPrice === undefined ? null : costs.onTick(request.limitPrice);
    const stopPrice = request.stopPrice === undefined ? null : costs.onTick(request.stopPrice);
    const order: WorkingOrder = {
      id: `o${this.nextId++}`,
      symbol: this.symbols[symbolIndex]!,
      symbolIndex,
      side: request.side,
      buy: request.side === 'buy',
      type,
      quantity: 0,
      filledQuantity: 0,
      limitPrice,
      stopPrice,
      status: 'open',
      parentId: null,
      tag: request.tag ?? null,
      reason: null,
      eligibleStep: this.settings.marketFill === 'close' && type === 'market' ? step : step + 1,
      triggered: false,
      reduceOnly: false,
      takeProfit: request.takeProfit ?? null,
      stopLoss: request.stopLoss ?? null,
      sibling: null,
    };
    const problem = orderProblem(order, request);
    if (problem) return this.reject(order, problem);
    const reference = limitPrice ?? stopPrice ?? this.lastPrice[symbolIndex]!;
    order.quantity = costs.lotRounded(request.quantity ?? this.sizedQuantity(reference));
    if (!(order.quantity > 0)) return this.reject(order, 'quantity rounds to zero lots');
    this.open.push(order);
    return order;
  }

  /** A market order that closes the position in `symbolIndex`; null when flat. */
  submitClose(symbolIndex: number, step: number): WorkingOrder | null {
    const held = this.ledgers[symbolIndex]!.quantity;
    if (held === 0) return null;
    const order = this.submit(
      { side: held > 0 ? 'sell' : 'buy', quantity: Math.abs(held) },
      symbolIndex,
      step,
    );
    order.reduceOnly = true;
    return order;
  }

  /** Marks it cancelled; the open list drops it at the next match, so a cancel inside a fill callback is safe. */
  cancel(order: WorkingOrder): boolean {
    if (order.status !== 'open') return false;
    order.status = 'cancelled';
    order.reason = 'cancelled by the strategy';
    return true;
  }

  /**
   * Fills what this bar reaches, in a fixed order: market orders at the open, then stops (before targets,
   * so a bar that holds both a bracket's stop and its target takes the stop), then limits.
   */
  matchBar(symbolIndex: number, step: number, bars: BarSeries, bar: number): void {
    if (this.open.length === 0) return;
    const time = bars.time[bar]!;
    const open = bars.open[bar]!;
    const high = bars.high[bar]!;
    const low = bars.low[bar]!;
    for (let pass = 0; pass < FILL_PASSES; pass += 1) {
      for (let index = 0; index < this.open.length; index += 1) {
        const order = this.open[index]!;
        if (order.symbolIndex !== symbolIndex || order.status !== 'open' || order.eligibleStep > step)
          continue;
        const price = fillPriceInPass(order, pass, step, open, high, low, this.costs[symbolIndex]!);
        if (!Number.isNaN(price)) this.execute(order, price, step, time);
      }
    }
    this.compact();
  }

  /** Market orders placed at this bar's close when the run fills them there. */
  matchClose(symbolIndex: number, step: number, time: number, close: number): void {
    for (let index = 0; index < this.open.length; index += 1) {
      const order = this.open[index]!;
      if (order.symbolIndex !== symbolIndex || order.status !== 'open' || order.type !== 'market') continue;
      if (order.eligibleStep <= step)
        this.execute(order, this.costs[symbolIndex]!.slipped(close, order.buy), step, time);
    }
    this.compact();
  }

  private execute(order: WorkingOrder, price: number, step: number, time: number): void {
    const ledger = this.ledgers[order.symbolIndex]!;
    let quantity = order.quantity;
    if (order.reduceOnly) {
      const reducible = order.buy ? Math.max(0, -ledger.quantity) : Math.max(0, ledger.quantity);
      if (reducible === 0) {
        order.status = 'cancelled';
        order.reason = 'nothing left to reduce';
        return;
      }
      quantity = Math.min(quantity, reducible);
    } else {
      quantity = this.affordable(order, quantity, price);
      if (quantity <= 0) {
        this.reject(order, 'insufficient equity for the fill');
        return;
      }
    }
    const fee = this.costs[order.symbolIndex]!.fee(quantity, price);
    this.cash += (order.buy ? -quantity : quantity) * price - fee;
    this.totalFees += fee;
    const heldBefore = ledger.quantity;
    ledger.apply(order.buy ? quantity : -quantity, price, fee, time, step);
    this.positionsOpen += (ledger.quantity !== 0 ? 1 : 0) - (heldBefore !== 0 ? 1 : 0);
    if (heldBefore !== 0 && Math.sign(ledger.quantity) !== Math.sign(heldBefore)) this.dropExitLegs(order);
    order.filledQuantity = quantity;
    order.status = 'filled';
    if (order.sibling && order.sibling.status === 'open') {
      order.sibling.status = 'cancelled';
      order.sibling.reason = 'the other bracket leg filled';
    }
    if (order.takeProfit !== null || order.stopLoss !== null) this.placeLegs(order, quantity, step);
    const fill: StrategyFill = {
      orderId: order.id,
      symbol: order.symbol,
      side: order.side,
      quantity,
      price,
      fee,
      time,
    };
    this.fills.push(fill);
    this.events.onFill(fill);
  }

  /** The filled quantity of a bracket entry, guarded by a take-profit limit and a stop-loss stop. */
  private placeLegs(entry: WorkingOrder, quantity: number, step: number): void {
    const side = entry.buy ? 'sell' : 'buy';
    const legs: WorkingOrder[] = [];
    if (entry.takeProfit !== null) {
      legs.push(
        this.submit(
          { side, quantity, type: 'limit', limitPrice: entry.takeProfit, tag: 'take-profit' },
          entry.symbolIndex,
          step,
        ),
      );
    }
    if (entry.stopLoss !== null) {
      legs.push(
        this.submit(
          { side, quantity, type: 'stop', stopPrice: entry.stopLoss, tag: 'stop-loss' },
          entry.symbolIndex,
          step,
        ),
      );
    }
    for (const leg of legs) {
      leg.parentId = entry.id;
      leg.reduceOnly = true;
      leg.eligibleStep = step + 1;
    }
    if (legs.length === 2) {
      legs[0]!.sibling = legs[1]!;
      legs[1]!.sibling = legs[0]!;
    }
  }

  /** `quantity` cut so that gross exposure after the fill stays within equity; a part that reduces is free. */
  private affordable(order: WorkingOrder, quantity: number, price: number): number {
    const held = this.ledgers[order.symbolIndex]!.quantity;
    const after = held + (order.buy ? quantity : -quantity);
    const flips = held !== 0 && Math.sign(after) === -Math.sign(held);
    if (!flips && Math.abs(after) <= Math.abs(held)) return quantity;
    let equity = this.cash + held * price;
    let others = 0;
    for (let index = 0; index < this.ledgers.length; index += 1) {
      const otherHeld = this.ledgers[index]!.quantity;
      if (index === order.symbolIndex || otherHeld === 0) continue;
      const value = otherHeld * this.lastPrice[index]!;
      equity += value;
      others += Math.abs(value);
    }
    const room = (equity - others - this.costs[order.symbolIndex]!.fee(quantity, price)) / price;
    if (Math.abs(after) <= room + 1e-9) return quantity;
    const maxAfter = this.costs[order.symbolIndex]!.lotRounded(Math.max(0, room));
    return Math.max(0, flips ? Math.abs(held) + maxAfter : maxAfter - Math.abs(held));
  }

  /** A position closed or reversed: the exit legs that guarded it must not act on the next one. */
  private dropExitLegs(filled: WorkingOrder): void {
    for (const order of this.open) {
      if (
        order !== filled &&
        order.reduceOnly &&
        order.status === 'open' &&
        order.symbolIndex === filled.symbolIndex
      ) {
        order.status = 'cancelled';
        order.reason = 'its position was closed';
      }
    }
  }

  private sizedQuantity(price: number): number {
    const sizing = this.settings.sizing;
    if (sizing.kind === 'fixed') return sizing.quantity;
    return price > 0 ? (this.equity() * sizing.percent) / 100 / price : 0;
  }

  private reject(order: WorkingOrder, reason: string): WorkingOrder {
    order.status = 'rejected';
    order.reason = reason;
    this.events.onRejected(order);
    return order;
  }

  private compact(): void {
    let kept = 0;
    for (const order of this.open) if (order.status === 'open') this.open[kept++] = order;
    this.open.length = kept;
  }
}
