import type Big from 'big.js';
import type { Rate } from '#brokers/mt5/bridge/bridge-commands.js';
import { dec, roundToStep } from '../../paper-engine.js';
import type { Mt5ServerTime } from '../mt5-server-time.js';
import type { Mt5SymbolConfig } from '../mt5-simulator-config.js';
import type { Mt5Market } from './mt5-market.js';
import { sessionOpen } from './mt5-sessions.js';
import { barOpen, type Mt5Timeframe } from './mt5-timeframes.js';

interface Bar {
  time: number;
  open: Big;
  high: Big;
  low: Big;
  close: Big;
  ticks: number;
}

/**
 * MT5 bars are Bid bars: the paper feed's price is the middle of its quote, and its bid is that price on
 * the point grid less half the spread, so the same shift of each OHLC value gives the Bid bar exactly.
 */
function toBid(symbol: Mt5SymbolConfig, price: string): Big {
  const point = dec(symbol.point);
  const bid = roundToStep(dec(price), point, 'nearest').minus(
    point.times(Math.floor(symbol.spreadPoints / 2)),
  );
  return bid.lt(point) ? point : bid;
}

/**
 * Every bar of one symbol and timeframe the feed has inside its trade sessions, oldest first, cut on
 * **server** wall-clock boundaries: the one-minute history is moved to server time first, so D1 bars open at server midnight
 * and W1 bars on Sunday, as the terminal builds them.
 */
export async function buildRates(
  market: Mt5Market,
  time: Mt5ServerTime,
  symbol: Mt5SymbolConfig,
  timeframe: Mt5Timeframe,
  nowMs: number,
): Promise<Rate[]> {
  const minutes = await market.minuteBars(symbol.name, 0, nowMs);
  const bars: Bar[] = [];
  for (const minute of minutes) {
    const serverSeconds = time.toServerSeconds(Date.parse(minute.openTime));
    // The feed walks through weekends and breaks; the trade server prints no quotes there, so no bars.
    if (!sessionOpen(symbol.sessions, serverSeconds)) continue;
    const open = barOpen(timeframe, serverSeconds);
    const [high, low, close] = [
      toBid(symbol, minute.high),
      toBid(symbol, minute.low),
      toBid(symbol, minute.close),
    ];
    const last = bars.at(-1);
    if (last?.time === open) {
      if (high.gt(last.high)) last.high = high;
      if (low.lt(last.low)) last.low = low;
      last.close = close;
      last.ticks += 1;
    } else bars.push({ time: open, open: toBid(symbol, minute.open), high, low, close, ticks: 1 });
  }
  return bars.map((bar) => ({
    time: bar.time,
    open: bar.open.toFixed(symbol.digits),
    high: bar.high.toFixed(symbol.digits),
    low: bar.low.toFixed(symbol.digits),
    close: bar.close.toFixed(symbol.digits),
    // One price print per minute of the feed's history; forex has no exchange volume.
    tick_volume: bar.ticks,
    spread: symbol.spreadPoints,
    real_volume: 0,
  }));
}
