import type { CandlePoint } from './chart-points.js';

const MIN_DECIMALS = 2;
const MAX_DECIMALS = 8;

/**
 * Decimals for the price axis. lightweight-charts defaults to two, which turns EURUSD at 1.08345 into a
 * staircase of 1.08s; about five significant digits suits any market: 65,000.00, 101.25, 1.0835, 0.12345.
 */
export function pricePrecision(candles: readonly CandlePoint[]): number {
  let largest = 0;
  for (const candle of candles) largest = Math.max(largest, Math.abs(candle.high));
  if (!(largest > 0) || !Number.isFinite(largest)) return MIN_DECIMALS;
  const decimals = 4 - Math.floor(Math.log10(largest));
  return Math.min(MAX_DECIMALS, Math.max(MIN_DECIMALS, decimals));
}
