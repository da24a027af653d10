import type Big from 'big.js';
import { dec } from '../../paper-engine.js';
import type { Mt5Quote } from '../market/mt5-market.js';
import type { Mt5SymbolConfig } from '../mt5-simulator-config.js';

/** ACCOUNT_CURRENCY_DIGITS: money is booked in cents. */
export const MONEY_DIGITS = 2;

/**
 * Converts an amount in `from` to the account currency at the symbol's own price: the simulator's
 * symbols all have the account currency on one side (EURUSD, USDJPY, XAUUSD with a USD account).
 */
function toAccount(symbol: Mt5SymbolConfig, amount: Big, from: string, account: string, price: Big): Big {
  if (from === account) return amount;
  if (from === symbol.currencyBase && symbol.currencyProfit === account) return amount.times(price);
  if (from === symbol.currencyProfit && symbol.currencyBase === account) return amount.div(price);
  throw new Error(`${symbol.name}: no rate from ${from} to ${account}`);
}

/**
 * Forex margin: lots × contract size / leverage in the margin currency, in the account currency at
 * `price` (EURUSD: × price; USDJPY: already USD; XAUUSD: 100 oz × price).
 */
export function marginOf(
  symbol: Mt5SymbolConfig,
  volume: Big,
  price: Big,
  leverage: number,
  account: string,
): Big {
  const inMarginCurrency = volume.times(symbol.contractSize).div(leverage);
  return toAccount(symbol, inMarginCurrency, symbol.currencyMargin, account, price);
}

/** Profit of `volume` opened at `open` and valued at `close`, in the account currency, to the cent. */
export function profitOf(
  symbol: Mt5SymbolConfig,
  buy: boolean,
  volume: Big,
  open: Big,
  close: Big,
  account: string,
): Big {
  const move = buy ? close.minus(open) : open.minus(close);
  const inProfitCurrency = move.times(volume).times(symbol.contractSize);
  return toAccount(symbol, inProfitCurrency, symbol.currencyProfit, account, close).round(MONEY_DIGITS);
}

/** The price a position is valued at and closed at: Bid for a buy, Ask for a sell. */
export function closingPrice(quote: Mt5Quote, buy: boolean): Big {
  return buy ? quote.bid : quote.ask;
}

export function money(value: Big): string {
  return value.toFixed(MONEY_DIGITS);
}

export const ZERO = dec(0);
