import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCandleCsv } from '#brokers/paper/market/csv-candles.js';
import { barSeriesFromRows, type BarSeries } from '#backtest/data/bar-series.js';
import { paperAccount } from './test-app.js';

/** Daily GOOG candles from 2004-08-19, the shared test data kept in the repo. */
export const GOOG_CSV = fileURLToPath(new URL('../fixtures/market-data/GOOG.csv', import.meta.url));

/**
 * A paper account replaying GOOG on the file's clock (four ticks a candle, stamped with its time), with
 * no fees or slippage: a live run on it sees the file's daily bars, as a backtest over the file does.
 */
export function googReplayAccount(
  name = 'paper',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return paperAccount(name, {
    historyMinutes: 0,
    takerFeeBps: 0,
    makerFeeBps: 0,
    slippageBps: 0,
    startingCash: '100000',
    instruments: [
      {
        symbol: 'GOOG',
        assetClass: 'equity',
        quoteCurrency: 'USD',
        tickSize: '0.01',
        lotSize: '1',
        minQuantity: '1',
        startPrice: '100',
        depth: '1000000',
        spreadTicks: 1,
        replayFile: GOOG_CSV,
        replayClock: 'file',
      },
    ],
    ...overrides,
  });
}

/** The first `count` GOOG candles as a backtest series. */
export function googSeries(count: number): BarSeries {
  const candles = parseCandleCsv(readFileSync(GOOG_CSV, 'utf8'), GOOG_CSV).slice(0, count);
  return barSeriesFromRows(
    'GOOG',
    candles.map((candle) => ({
      time: candle.timeMs,
      open: Number(candle.open),
      high: Number(candle.high),
      low: Number(candle.low),
      close: Number(candle.close),
    })),
  );
}
