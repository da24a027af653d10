import type { BarSeries } from '../data/bar-series.js';
import type { ClosedTrade } from './closed-trade.js';

/** The round trip in progress in one symbol. */
interface OpenTrade {
  direction: 1 | -1;
  entryTime: number;
  entryBar: number;
  entryQuantity: number;
  entryNotional: number;
  exitQuantity: number;
  exitNotional: number;
  maxQuantity: number;
  grossPnl: number;
  fees: number;
  mae: number;
  mfe: number;
}

/**
 * One symbol's position: signed quantity, average entry price, and the round trips it makes. A fill that
 * takes the position through zero closes the trade and opens the next with what is left, the fee split
 * by quantity.
 */
export class PositionLedger {
  quantity = 0;
  averagePrice = 0;
  private trade: OpenTrade | null = null;

  constructor(
    readonly symbol: string,
    private readonly closed: ClosedTrade[],
  ) {}

  apply(signedQuantity: number, price: number, fee: number, time: number, bar: number): void {
    const before = this.quantity;
    if (before === 0 || Math.sign(before) === Math.sign(signedQuantity)) {
      this.add(signedQuantity, price, fee, time, bar);
      return;
    }
    const closing = Math.min(Math.abs(signedQuantity), Math.abs(before));
    const remainder = Math.abs(signedQuantity) - closing;
    const closingFee = (fee * closing) / Math.abs(signedQuantity);
    this.reduce(closing, price, closingFee, time, bar);
    if (remainder > 0) this.add(Math.sign(signedQuantity) * remainder, price, fee - closingFee, time, bar);
  }

  /** Tracks the worst and best the open trade has been, from one bar's range. */
  markExcursion(bars: BarSeries, bar: number): void {
    const trade = this.trade;
    if (!trade) return;
    const high = bars.high[bar]!;
    const low = bars.low[bar]!;
    const held = Math.abs(this.quantity);
    const adverse = (trade.direction === 1 ? low - this.averagePrice : this.averagePrice - high) * held;
    const favourable = (trade.direction === 1 ? high - this.averagePrice : this.averagePrice - low) * held;
    if (adverse < trade.mae) trade.mae = adverse;
    if (favourable > trade.mfe) trade.mfe = favourable;
  }

  /** Reports a trade still open at the end, marked at `price` (not traded). */
  closeAtEnd(price: number, time: number, bar: number): void {
    const trade = this.trade;
    if (!trade) return;
    const held = Math.abs(this.quantity);
    trade.grossPnl += (price - this.averagePrice) * held * trade.direction;
    trade.exitQuantity += held;
    trade.exitNotional += held * price;
    this.closed.push(toClosedTrade(this.symbol, trade, time, bar, true));
    this.trade = null;
  }

  private add(signedQuantity: number, price: number, fee: number, time: number, bar: number): void {
    const quantity = Math.abs(signedQuantity);
    if (!this.trade) {
      this.trade = {
        direction: signedQuantity > 0 ? 1 : -1,
        entryTime: time,
        entryBar: bar,
        entryQuantity: 0,
        entryNotional: 0,
        exitQuantity: 0,
        exitNotional: 0,
        maxQuantity: 0,
        grossPnl: 0,
        fees: 0,
        mae: 0,
        mfe: 0,
      };
    }
    const trade = this.trade;
    const held = Math.abs(this.quantity);
    this.averagePrice = (this.averagePrice * held + price * quantity) / (held + quantity);
    this.quantity += signedQuantity;
    trade.entryQuantity += quantity;
    trade.entryNotional += quantity * price;
    trade.fees += fee;
    if (Math.abs(this.quantity) > trade.maxQuantity) trade.maxQuantity = Math.abs(this.quantity);
  }

  private reduce(quantity: number, price: number, fee: number, time: number, bar: number): void {
    const trade = this.trade as OpenTrade;
    // The exit price was traded while the position was open: a stop or target filled inside a bar whose
    // range is not marked (the position is gone by the close) still bounds the excursion.
    const atExit = (price - this.averagePrice) * Math.abs(this.quantity) * trade.direction;
    if (atExit < trade.mae) trade.mae = atExit;
    if (atExit > trade.mfe) trade.mfe = atExit;
    trade.grossPnl += (price - this.averagePrice) * quantity * trade.direction;
    trade.exitQuantity += quantity;
    trade.exitNotional += quantity * price;
    trade.fees += fee;
    this.quantity -= quantity * trade.direction;
    if (Math.abs(this.quantity) < 1e-12) {
      this.quantity = 0;
      this.averagePrice = 0;
      this.closed.push(toClosedTrade(this.symbol, trade, time, bar, false));
      this.trade = null;
    }
  }
}

function toClosedTrade(
  symbol: string,
  trade: OpenTrade,
  exitTime: number,
  exitBar: number,
  open: boolean,
): ClosedTrade {
  const pnl = trade.grossPnl - trade.fees;
  return {
    symbol,
    direction: trade.direction === 1 ? 'long' : 'short',
    quantity: trade.maxQuantity,
    entryTime: trade.entryTime,
    entryPrice: trade.entryNotional / trade.entryQuantity,
    exitTime,
    exitPrice: trade.exitQuantity > 0 ? trade.exitNotional / trade.exitQuantity : Number.NaN,
    grossPnl: trade.grossPnl,
    fees: trade.fees,
    pnl,
    returnFraction: trade.entryNotional > 0 ? pnl / trade.entryNotional : 0,
    bars: exitBar - trade.entryBar,
    mae: trade.mae,
    mfe: trade.mfe,
    open,
  };
}
