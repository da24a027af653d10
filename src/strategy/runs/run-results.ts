import { dec, type OrderSide } from '#brokers';

/** A fill of one of the run's orders, as the trade log has it. */
export interface RunFill {
  readonly executionId: string;
  readonly orderId: string;
  readonly side: OrderSide;
  readonly quantity: string;
  readonly price: string;
  readonly fee: string;
  readonly executedAt: string;
}

/** What a run has made: its position and PnL from its own fills, marked at `markPrice`. */
export interface RunResults {
  readonly position: string;
  /** Sells minus buys minus fees: the cash the run's trades moved. */
  readonly netCash: string;
  readonly fees: string;
  readonly markPrice: string | null;
  /** Net cash plus the position marked at the price; null while no price is known for an open position. */
  readonly pnl: string | null;
  readonly fills: number;
}

/** Adds up the run's fills, in exact decimals. */
export function runResults(fills: readonly RunFill[], markPrice: string | null): RunResults {
  let position = dec(0);
  let cash = dec(0);
  let fees = dec(0);
  for (const fill of fills) {
    const notional = dec(fill.quantity).times(fill.price);
    if (fill.side === 'buy') {
      position = position.plus(fill.quantity);
      cash = cash.minus(notional);
    } else {
      position = position.minus(fill.quantity);
      cash = cash.plus(notional);
    }
    fees = fees.plus(fill.fee);
  }
  const netCash = cash.minus(fees);
  const pnl = position.eq(0) ? netCash : markPrice === null ? null : netCash.plus(position.times(markPrice));
  return {
    position: position.toFixed(),
    netCash: netCash.toFixed(),
    fees: fees.toFixed(),
    markPrice,
    pnl: pnl === null ? null : pnl.toFixed(),
    fills: fills.length,
  };
}
