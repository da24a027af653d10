import type Big from 'big.js';
import { dec, toDecimalString } from '#brokers';
import type { FillRecord } from '../../trades/fill-record.js';
import type { EquitySnapshot } from '../equity-snapshot.repository.js';

interface Holding {
  quantity: Big;
  /** Average cost of what is held, in price units. */
  cost: Big;
  mark: Big;
}

/**
 * The equity curve of one strategy's own trading: `base` (the account's equity as the period starts)
 * plus what the strategy's fills made, one point per fill. Realized PnL on average cost per symbol, fees
 * taken off as they are paid, open positions marked at the latest fill price of their symbol, and at the
 * end at `marks` (the latest quotes) when given. As if the account had traded only this strategy.
 */
export function strategyEquityCurve(
  account: string,
  base: string,
  fills: readonly FillRecord[],
  marks: ReadonlyMap<string, string>,
  now: string,
): EquitySnapshot[] {
  const holdings = new Map<string, Holding>();
  let realized = dec(0);
  let fees = dec(0);
  const point = (at: string): EquitySnapshot => {
    let unrealized = dec(0);
    for (const holding of holdings.values())
      unrealized = unrealized.plus(holding.mark.minus(holding.cost).times(holding.quantity));
    const net = realized.minus(fees);
    return {
      account,
      balance: toDecimalString(dec(base).plus(net)),
      equity: toDecimalString(dec(base).plus(net).plus(unrealized)),
      unrealizedPnl: toDecimalString(unrealized),
      realizedPnl: toDecimalString(net),
      marginUsed: '0',
      at,
    };
  };
  const curve: EquitySnapshot[] = [point(fills[0]?.executedAt ?? now)];
  for (const fill of fills) {
    const holding = holdings.get(fill.symbol) ?? { quantity: dec(0), cost: dec(0), mark: dec(fill.price) };
    const signed = fill.side === 'buy' ? dec(fill.quantity) : dec(fill.quantity).neg();
    const price = dec(fill.price);
    const sameWay = holding.quantity.eq(0) || holding.quantity.gt(0) === signed.gt(0);
    if (sameWay) {
      const quantity = holding.quantity.plus(signed);
      holding.cost = holding.cost.times(holding.quantity).plus(price.times(signed)).div(quantity);
      holding.quantity = quantity;
    } else {
      const closed = signed.abs().lt(holding.quantity.abs()) ? signed.neg() : holding.quantity;
      realized = realized.plus(price.minus(holding.cost).times(closed));
      const quantity = holding.quantity.plus(signed);
      // Past flat the rest is a new position the other way, at this fill's price.
      if (!quantity.eq(0) && quantity.gt(0) !== holding.quantity.gt(0)) holding.cost = price;
      holding.quantity = quantity;
    }
    holding.mark = price;
    fees = fees.plus(fill.fee);
    if (holding.quantity.eq(0)) holdings.delete(fill.symbol);
    else holdings.set(fill.symbol, holding);
    curve.push(point(fill.executedAt));
  }
  let marked = false;
  for (const [symbol, holding] of holdings) {
    const mark = marks.get(symbol);
    if (mark === undefined) continue;
    holding.mark = dec(mark);
    marked = true;
  }
  if (marked || fills.length > 0) curve.push(point(now));
  return curve;
}
