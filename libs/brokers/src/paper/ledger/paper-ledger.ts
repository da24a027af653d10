import Big from 'big.js';
import { dec, toDecimalString } from '../../decimal/index.js';
import type { AccountSummary, OrderSide, Position } from '../../domain/index.js';
import { NetPosition } from './net-position.js';
import { ZERO } from '../market/paper-quote.js';

/** Decimal places of margin figures: |qty| × mark / leverage need not terminate (leverage 3, 7…). */
const MARGIN_SCALE = 10;

/** Prices and leverage the ledger values positions with. */
export interface MarkSource {
  /** The mark price of `symbol`: the middle of its current bid and ask. */
  mark(symbol: string): Big;
  leverage(symbol: string): Big;
}

/**
 * The paper account's books, a margin account: buying does not spend cash, fills only move cash by the
 * PnL they realize and the fees they cost. Balance = starting cash + realized PnL − fees; equity =
 * balance + unrealized PnL at the mark (the middle of bid and ask); margin used = Σ |qty| × mark /
 * leverage; margin free = equity − margin used. Quote currencies count one-for-one as the account
 * currency (USDT as USD): the simulator does no FX conversion.
 */
export class PaperLedger {
  private cash: Big;
  private realized: Big = ZERO;
  private fees: Big = ZERO;
  private readonly positions = new Map<string, NetPosition>();
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly account: string,
    private readonly currency: string,
    startingCash: Big,
    private readonly marks: MarkSource,
  ) {
    this.cash = startingCash;
  }

  /** Books one execution: the position, the PnL it realized and its fee. */
  applyFill(symbol: string, side: OrderSide, quantity: Big, price: Big, fee: Big, timeMs: number): void {
    let position = this.positions.get(symbol);
    if (!position) {
      position = new NetPosition();
      this.positions.set(symbol, position);
    }
    const realized = position.apply(side === 'buy' ? quantity : quantity.neg(), price);
    this.realized = this.realized.plus(realized);
    this.fees = this.fees.plus(fee);
    this.cash = this.cash.plus(realized).minus(fee);
    this.touched.set(symbol, timeMs);
  }

  /** Signed open quantity of `symbol`. */
  quantity(symbol: string): Big {
    return this.positions.get(symbol)?.quantity ?? ZERO;
  }

  /** The position in `symbol` as the port shows it, flat included (after a close). */
  position(symbol: string, nowMs: number): Position {
    const position = this.positions.get(symbol) ?? new NetPosition();
    const mark = this.marks.mark(symbol);
    const quantity = position.quantity;
    return {
      symbol,
      side: quantity.gt(0) ? 'long' : quantity.lt(0) ? 'short' : 'flat',
      quantity: toDecimalString(quantity),
      averagePrice: toDecimalString(position.averagePrice()),
      markPrice: toDecimalString(mark),
      unrealizedPnl: toDecimalString(position.unrealizedPnl(mark)),
      realizedPnl: toDecimalString(position.realizedPnl),
      marginUsed: toDecimalString(this.marginOf(symbol, quantity)),
      updatedAt: new Date(this.touched.get(symbol) ?? nowMs).toISOString(),
    };
  }

  /** Open (non-zero) positions, in the order they were first traded. */
  openPositions(nowMs: number): Position[] {
    return [...this.positions.entries()]
      .filter(([, position]) => !position.quantity.eq(0))
      .map(([symbol]) => this.position(symbol, nowMs));
  }

  summary(nowMs: number): AccountSummary {
    const { unrealized, marginUsed } = this.exposure();
    const equity = this.cash.plus(unrealized);
    return {
      account: this.account,
      currency: this.currency,
      balance: toDecimalString(this.cash),
      equity: toDecimalString(equity),
      marginUsed: toDecimalString(marginUsed),
      marginFree: toDecimalString(equity.minus(marginUsed)),
      unrealizedPnl: toDecimalString(unrealized),
      realizedPnl: toDecimalString(this.realized),
      updatedAt: new Date(nowMs).toISOString(),
    };
  }

  /** Equity minus margin used. */
  marginFree(): Big {
    const { unrealized, marginUsed } = this.exposure();
    return this.cash.plus(unrealized).minus(marginUsed);
  }

  /**
   * Extra margin an order of `quantity` on `side` at `price` would tie up once filled: only the part
   * that grows the absolute position counts, so closing or reducing needs none.
   */
  additionalMargin(symbol: string, side: OrderSide, quantity: Big, price: Big): Big {
    const held = this.quantity(symbol);
    const after = held.plus(side === 'buy' ? quantity : quantity.neg());
    const growth = after.abs().minus(held.abs());
    if (growth.lte(0)) return ZERO;
    return growth.times(price).div(this.marks.leverage(symbol)).round(MARGIN_SCALE, Big.roundUp);
  }

  private marginOf(symbol: string, quantity: Big): Big {
    if (quantity.eq(0)) return ZERO;
    return quantity.abs().times(this.marks.mark(symbol)).div(this.marks.leverage(symbol)).round(MARGIN_SCALE);
  }

  private exposure(): { unrealized: Big; marginUsed: Big } {
    let unrealized = ZERO;
    let marginUsed = ZERO;
    for (const [symbol, position] of this.positions) {
      if (position.quantity.eq(0)) continue;
      unrealized = unrealized.plus(position.unrealizedPnl(this.marks.mark(symbol)));
      marginUsed = marginUsed.plus(this.marginOf(symbol, position.quantity));
    }
    return { unrealized, marginUsed };
  }
}

/** Fee of an execution: notional × bps / 10 000, exact. */
export function feeFor(quantity: Big, price: Big, bps: number): Big {
  return quantity.times(price).times(dec(bps)).div(10_000);
}
