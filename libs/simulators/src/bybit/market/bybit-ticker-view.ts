import type Big from 'big.js';
import { toDecimalString } from '../../paper-engine.js';
import type { BybitQuote } from './bybit-market.js';
import { type BybitTickerStats, changeFraction } from './bybit-ticker-stats.js';

const FUNDING_INTERVAL_MS = 8 * 3_600_000;

/** Bybit's flat string map of one ticker. */
export type BybitTickerFields = Record<string, string>;

const s = (value: Big): string => toDecimalString(value);

/** The next funding settlement: every 8 hours from 00:00 UTC. */
export function nextFundingTime(nowMs: number): number {
  return (Math.floor(nowMs / FUNDING_INTERVAL_MS) + 1) * FUNDING_INTERVAL_MS;
}

/** The mark (and index) price: the middle of the book, the only reference the simulator has. */
export function markPriceOf(quote: BybitQuote): Big {
  // Exact: half a sum of two tick multiples always terminates.
  return quote.bid.plus(quote.ask).div(2);
}

/**
 * A linear ticker as `/v5/market/tickers` lists it (docs/v5/market/tickers.mdx). Open interest is that
 * of the simulated accounts only, so it stays "0"; funding is quoted but never charged.
 */
export function linearRestTicker(
  quote: BybitQuote,
  stats: BybitTickerStats,
  nowMs: number,
): BybitTickerFields {
  const mark = s(markPriceOf(quote));
  return {
    symbol: quote.instrument.symbol,
    lastPrice: s(quote.last),
    indexPrice: mark,
    markPrice: mark,
    prevPrice24h: s(stats.prevPrice24h),
    price24hPcnt: s(changeFraction(quote.last, stats.prevPrice24h, 6)),
    highPrice24h: s(stats.highPrice24h),
    lowPrice24h: s(stats.lowPrice24h),
    prevPrice1h: s(stats.prevPrice1h),
    openInterest: '0',
    openInterestValue: '0',
    turnover24h: s(stats.turnover24h),
    volume24h: s(stats.volume24h),
    fundingRate: '0.0001',
    nextFundingTime: String(nextFundingTime(nowMs)),
    predictedDeliveryPrice: '',
    basisRate: '',
    deliveryFeeRate: '',
    deliveryTime: '0',
    ask1Size: s(quote.askSize),
    bid1Price: s(quote.bid),
    ask1Price: s(quote.ask),
    bid1Size: s(quote.bidSize),
    basis: '',
    preOpenPrice: '',
    preQty: '',
    curPreListingPhase: '',
    fundingIntervalHour: '8',
    fundingCap: '0.005',
    basisRateYear: '',
  };
}

/** A spot ticker as `/v5/market/tickers` lists it. */
export function spotRestTicker(quote: BybitQuote, stats: BybitTickerStats): BybitTickerFields {
  return {
    symbol: quote.instrument.symbol,
    bid1Price: s(quote.bid),
    bid1Size: s(quote.bidSize),
    ask1Price: s(quote.ask),
    ask1Size: s(quote.askSize),
    lastPrice: s(quote.last),
    prevPrice24h: s(stats.prevPrice24h),
    price24hPcnt: s(changeFraction(quote.last, stats.prevPrice24h, 4)),
    highPrice24h: s(stats.highPrice24h),
    lowPrice24h: s(stats.lowPrice24h),
    turnover24h: s(stats.turnover24h),
    volume24h: s(stats.volume24h),
    usdIndexPrice: s(markPriceOf(quote)),
  };
}

/**
 * The `tickers.{symbol}` payload (docs/v5/websocket/public/ticker.mdx): linear carries the book and
 * funding, spot only prices and 24 h figures. `tickDirection` compares with the previous last price.
 */
export function wsTicker(
  quote: BybitQuote,
  stats: BybitTickerStats,
  tickDirection: string,
  nowMs: number,
): BybitTickerFields {
  if (quote.instrument.category === 'spot') {
    const rest = spotRestTicker(quote, stats);
    return {
      symbol: rest.symbol ?? '',
      lastPrice: rest.lastPrice ?? '',
      highPrice24h: rest.highPrice24h ?? '',
      lowPrice24h: rest.lowPrice24h ?? '',
      prevPrice24h: rest.prevPrice24h ?? '',
      volume24h: rest.volume24h ?? '',
      turnover24h: rest.turnover24h ?? '',
      price24hPcnt: rest.price24hPcnt ?? '',
      usdIndexPrice: rest.usdIndexPrice ?? '',
    };
  }
  const rest = linearRestTicker(quote, stats, nowMs);
  const fields: BybitTickerFields = { symbol: quote.instrument.symbol, tickDirection };
  for (const key of WS_LINEAR_FIELDS) fields[key] = rest[key] ?? '';
  return fields;
}

const WS_LINEAR_FIELDS = [
  'price24hPcnt',
  'lastPrice',
  'prevPrice24h',
  'highPrice24h',
  'lowPrice24h',
  'prevPrice1h',
  'markPrice',
  'indexPrice',
  'openInterest',
  'openInterestValue',
  'turnover24h',
  'volume24h',
  'fundingIntervalHour',
  'fundingCap',
  'nextFundingTime',
  'fundingRate',
  'bid1Price',
  'bid1Size',
  'ask1Price',
  'ask1Size',
  'preOpenPrice',
  'preQty',
  'curPreListingPhase',
] as const;

/** PlusTick / ZeroPlusTick / MinusTick / ZeroMinusTick from the last two distinct moves. */
export function nextTickDirection(previous: string, before: Big | undefined, after: Big): string {
  if (before === undefined) return 'ZeroPlusTick';
  if (after.gt(before)) return 'PlusTick';
  if (after.lt(before)) return 'MinusTick';
  return previous.includes('Minus') ? 'ZeroMinusTick' : 'ZeroPlusTick';
}
