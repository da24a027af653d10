import { Injectable } from '@nestjs/common';
import { barSeriesFromRows, type BarSeries } from '#backtest/data/bar-series.js';
import type { BrokerAdapter, Candle } from '#brokers';
import { ValidationFailedError } from '../common/errors/app-error.js';
import { AccountRegistry } from '../broker/account-registry.js';
import type { BarRequest } from './bar-request.js';
import { CandleRepository, type CandleKey, type StoredBar } from './candle.repository.js';
import { checkedSpan } from './checked-span.js';
import { accountSource } from './source-key.js';
import { TimeframeGrid } from './timeframe-grid.js';
import { missingSpans, splitSpan, type TimeSpan } from './time-spans.js';

/**
 * Bars per broker call. Bybit's kline endpoint answers at most 1000 a request (its adapter pages past
 * that, one REST call per 1000); asking for no more keeps every call of ours one request, and a failure
 * loses at most one page. The paper adapter has no cap of its own.
 */
export const MAX_BARS_PER_CALL = 1000;

type AccountBarRequest = Extract<BarRequest, { kind: 'account' }>;

/**
 * An account's history through the `candles` cache: what the table holds is read from it, only the spans
 * never asked of the broker are fetched, and those bars are stored before the answer is read back from the
 * table, so the next run over the same span reads only the database.
 */
@Injectable()
export class BrokerBarsLoader {
  constructor(
    private readonly registry: AccountRegistry,
    private readonly candles: CandleRepository,
  ) {}

  async load(request: AccountBarRequest): Promise<BarSeries> {
    const adapter = this.registry.resolve(request.account);
    const grid = supportedGrid(adapter, request.timeframe);
    const wanted = checkedSpan(request.from, request.to, grid.barMs);
    const key: CandleKey = {
      source: accountSource(request.account),
      symbol: request.symbol,
      timeframe: request.timeframe,
    };
    // A bar is final once it has ended: every bar opening before the current one is. The one still
    // forming is served but never cached (the brokers' bars open on the grid, so nothing else is open).
    const formingOpenMs = grid.floor(Date.now());
    const closed: TimeSpan = { firstMs: wanted.firstMs, lastMs: Math.min(wanted.lastMs, formingOpenMs - 1) };
    const stored: StoredBar[] = [];
    if (closed.firstMs <= closed.lastMs) {
      await this.fetchMissing(adapter, key, closed, grid.barMs);
      stored.push(...(await this.candles.read(key, closed)));
    }
    const forming = { firstMs: Math.max(wanted.firstMs, formingOpenMs), lastMs: wanted.lastMs };
    const open =
      forming.firstMs <= forming.lastMs ? await fetchBars(adapter, key, forming) : ([] as StoredBar[]);
    return barSeriesFromRows(request.symbol, [...stored, ...open]);
  }

  /**
   * Asks the broker for the parts of `span` never asked before, a page at a time, oldest first. Each page
   * is stored and recorded as asked at once, so a failure part way keeps the pages already fetched.
   */
  private async fetchMissing(
    adapter: BrokerAdapter,
    key: CandleKey,
    span: TimeSpan,
    barMs: number,
  ): Promise<void> {
    const gaps = missingSpans(await this.candles.coveredSpans(key, span), span);
    for (const gap of gaps) {
      for (const page of splitSpan(gap, MAX_BARS_PER_CALL * barMs)) {
        await this.candles.insert(key, await fetchBars(adapter, key, page));
        await this.candles.addCoveredSpan(key, page);
      }
    }
  }
}

/** The grid of `timeframe`, when the account's broker serves it; otherwise a validation error naming it. */
function supportedGrid(adapter: BrokerAdapter, timeframe: string): TimeframeGrid {
  const grid = TimeframeGrid.of(timeframe);
  const offered = adapter.capabilities.timeframes;
  if (!offered.includes(timeframe))
    throw new ValidationFailedError(
      `timeframe "${timeframe}" is not offered by ${adapter.kind}; use one of ${offered.join(', ')}`,
      { field: 'timeframe', timeframes: [...offered] },
    );
  return grid;
}

/** The broker's bars opening within `span`, as stored. */
async function fetchBars(adapter: BrokerAdapter, key: CandleKey, span: TimeSpan): Promise<StoredBar[]> {
  const candles = await adapter.getCandles(
    key.symbol,
    key.timeframe,
    new Date(span.firstMs),
    new Date(span.lastMs),
  );
  return candles
    .map(toStoredBar)
    .filter((bar) => bar.time >= span.firstMs && bar.time <= span.lastMs)
    .sort((a, b) => a.time - b.time);
}

/** A candle's decimals as the numbers bars are computed in. */
export function toStoredBar(candle: Candle): StoredBar {
  return {
    time: Date.parse(candle.openTime),
    open: Number(candle.open),
    high: Number(candle.high),
    low: Number(candle.low),
    close: Number(candle.close),
    volume: Number(candle.volume),
  };
}
