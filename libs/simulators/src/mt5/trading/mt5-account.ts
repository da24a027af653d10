import type Big from 'big.js';
import { dec } from '../../paper-engine.js';
import type { Mt5TradeContext } from './mt5-trade-context.js';
import { closingPrice, marginOf, profitOf } from './mt5-money.js';
import type { Mt5Position } from './mt5-records.js';

export interface Mt5AccountState {
  readonly balance: Big;
  readonly profit: Big;
  readonly equity: Big;
  readonly margin: Big;
  readonly marginFree: Big;
  /** Percent; 0 without margin in use. */
  readonly marginLevel: Big;
}

/** A position's floating profit at the price it would close at now (Bid for a buy, Ask for a sell). */
export function floatingProfit(context: Mt5TradeContext, position: Mt5Position): Big {
  const buy = position.type === 0;
  const close = closingPrice(context.market.quote(position.symbol.name), buy);
  return profitOf(position.symbol, buy, position.volume, position.priceOpen, close, context.config.currency);
}

/** The margin a position holds, at the price it would open at now (Ask for a buy, Bid for a sell). */
export function positionMargin(context: Mt5TradeContext, position: Mt5Position): Big {
  const quote = context.market.quote(position.symbol.name);
  const price = position.type === 0 ? quote.ask : quote.bid;
  return marginOf(position.symbol, position.volume, price, context.config.leverage, context.config.currency);
}

/** ACCOUNT_BALANCE, _PROFIT, _EQUITY (balance + floating profit), _MARGIN, _MARGIN_FREE, _MARGIN_LEVEL. */
export function accountState(context: Mt5TradeContext): Mt5AccountState {
  const { book } = context;
  const profit = book.positions.reduce((sum, p) => sum.plus(floatingProfit(context, p)), dec(0));
  const margin = book.positions.reduce((sum, p) => sum.plus(positionMargin(context, p)), dec(0)).round(2);
  const equity = book.balance.plus(profit);
  return {
    balance: book.balance,
    profit,
    equity,
    margin,
    marginFree: equity.minus(margin),
    marginLevel: margin.eq(0) ? dec(0) : equity.div(margin).times(100).round(2),
  };
}
