import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import { toInstrumentView } from '../market/bybit-instrument-view.js';
import { barStart, isKlineInterval, klineBars, nominalIntervalMs } from '../market/bybit-kline.js';
import type { BybitMarket } from '../market/bybit-market.js';
import { tickerStats } from '../market/bybit-ticker-stats.js';
import { linearRestTicker, spotRestTicker } from '../market/bybit-ticker-view.js';
import { toDecimalString } from '../../paper-engine.js';
import {
  type BybitParams,
  integerParam,
  optionalString,
  paramsError,
  present,
  timeParam,
} from './bybit-params.js';
import type { BybitRoute } from './bybit-route.js';
import { BybitError } from '../bybit-error.js';
import { RET } from '../bybit-ret-codes.js';

/** Categories Bybit knows; the simulator lists instruments for linear and spot, none for the others. */
const KNOWN_CATEGORIES = ['linear', 'inverse', 'spot', 'option'];

function marketCategory(params: BybitParams, fallback?: BybitCategory): BybitCategory | null {
  const value = present(params, 'category') ?? fallback;
  if (typeof value !== 'string' || !KNOWN_CATEGORIES.includes(value))
    throw new BybitError(RET.PARAMS, 'Illegal category');
  return value === 'linear' || value === 'spot' ? value : null;
}

/** The instrument named by `symbol`, refused in Bybit's words when it does not trade here. */
function symbolOf(
  registry: BybitInstrumentRegistry,
  category: BybitCategory | null,
  params: BybitParams,
): BybitInstrument {
  const symbol = optionalString(params, 'symbol');
  if (symbol === undefined) throw paramsError('symbol is required');
  const instrument = category === null ? undefined : registry.find(category, symbol);
  if (!instrument) throw new BybitError(RET.PARAMS, 'Not supported symbols');
  return instrument;
}

/** The public market endpoints (docs/v5/market/*.mdx): unsigned, no rate-limit headers. */
export function marketRoutes(registry: BybitInstrumentRegistry, market: BybitMarket): BybitRoute[] {
  return [
    {
      method: 'GET',
      path: '/v5/market/time',
      signed: false,
      handle: ({ nowMs }) =>
        Promise.resolve({
          timeSecond: String(Math.floor(nowMs / 1000)),
          timeNano: `${nowMs}000000`,
        }),
    },
    {
      method: 'GET',
      path: '/v5/market/instruments-info',
      signed: false,
      handle: ({ params }) => {
        const category = marketCategory(params);
        const symbol = optionalString(params, 'symbol');
        const baseCoin = optionalString(params, 'baseCoin');
        const status = optionalString(params, 'status') ?? 'Trading';
        integerParam(params, 'limit', 1, 1000, 500);
        const list = (category === null ? [] : registry.all(category))
          .filter((instrument) => symbol === undefined || instrument.symbol === symbol)
          .filter((instrument) => baseCoin === undefined || instrument.config.baseCoin === baseCoin)
          .filter(() => status === 'Trading')
          .map(toInstrumentView);
        // Spot does not page: its answer carries no cursor.
        return Promise.resolve(
          category === 'spot'
            ? { category, list }
            : { category: present(params, 'category'), list, nextPageCursor: '' },
        );
      },
    },
    {
      method: 'GET',
      path: '/v5/market/tickers',
      signed: false,
      handle: async ({ params, nowMs }) => {
        const category = marketCategory(params);
        const instruments =
          present(params, 'symbol') === undefined
            ? category === null
              ? []
              : registry.all(category)
            : [symbolOf(registry, category, params)];
        const list: Record<string, string>[] = [];
        for (const instrument of instruments) {
          const quote = market.quote(instrument);
          const stats = await tickerStats(market, instrument, nowMs);
          list.push(
            instrument.category === 'spot'
              ? spotRestTicker(quote, stats)
              : linearRestTicker(quote, stats, nowMs),
          );
        }
        return { category: present(params, 'category'), list };
      },
    },
    {
      method: 'GET',
      path: '/v5/market/kline',
      signed: false,
      handle: async ({ params, nowMs }) => {
        const category = marketCategory(params, 'linear');
        const instrument = symbolOf(registry, category, params);
        const interval = present(params, 'interval');
        if (typeof interval !== 'string' || !isKlineInterval(interval)) throw paramsError('interval invalid');
        const limit = integerParam(params, 'limit', 1, 1000, 200);
        const end = timeParam(params, 'end') ?? nowMs;
        // Without a start, one bar more than `limit` is read and the oldest dropped below: a window of
        // exactly `limit` bars came one short when the request straddled a bar boundary.
        const start =
          timeParam(params, 'start') ?? barStart(interval, end - limit * nominalIntervalMs(interval));
        const bars = await klineBars(market, instrument, interval, start, end);
        // Newest first, at most `limit`: paging goes backwards by lowering `end`.
        const list = bars
          .reverse()
          .slice(0, limit)
          .map((bar) => [
            String(bar.startMs),
            toDecimalString(bar.open),
            toDecimalString(bar.high),
            toDecimalString(bar.low),
            toDecimalString(bar.close),
            toDecimalString(bar.volume),
            toDecimalString(bar.turnover),
          ]);
        return { category: instrument.category, symbol: instrument.symbol, list };
      },
    },
  ];
}
