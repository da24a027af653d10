import type Big from 'big.js';
import { roundToStep } from '../../decimal/index.js';
import { MINUTE_MS, type MinuteBar, minuteOf } from './minute-bar.js';
import type { SeededRandom } from '../market/seeded-random.js';

export interface HistoryOptions {
  /** Close of the newest generated bar: the feed's first price. */
  readonly endPrice: Big;
  /** The live clock at start; generated bars end with the minute before this one. */
  readonly nowMs: number;
  readonly minutes: number;
  readonly tickSize: Big;
  readonly lotSize: Big;
  /** Lowest price a bar may print. */
  readonly floor: Big;
  /** Standard deviation of one minute's log return. */
  readonly minuteVolatility: number;
  /** Typical traded quantity of one minute. */
  readonly minuteVolume: Big;
  readonly random: SeededRandom;
}

/**
 * Generates `minutes` of past 1-minute bars that end at the feed's first price, walking backwards in
 * time, so that charts have data the moment the broker starts.
 */
export function generateHistory(options: HistoryOptions): MinuteBar[] {
  const { tickSize, floor, minuteVolatility: sigma, random } = options;
  const onGrid = (price: Big, direction: 'down' | 'up' | 'nearest'): Big => {
    const rounded = roundToStep(price, tickSize, direction);
    return rounded.lt(floor) ? floor : rounded;
  };
  const closes: Big[] = [];
  let price = onGrid(options.endPrice, 'nearest');
  for (let i = 0; i < options.minutes; i++) {
    closes.push(price);
    price = onGrid(price.times(Math.exp(-sigma * random.gaussian())), 'nearest');
  }
  closes.reverse();
  const firstMinute = minuteOf(options.nowMs) - options.minutes * MINUTE_MS;
  let open = price;
  return closes.map((close, i) => {
    const top = open.gt(close) ? open : close;
    const bottom = open.lt(close) ? open : close;
    const bar: MinuteBar = {
      openMs: firstMinute + i * MINUTE_MS,
      open,
      close,
      high: onGrid(top.times(Math.exp(Math.abs(random.gaussian()) * sigma * 0.5)), 'up'),
      low: onGrid(bottom.times(Math.exp(-Math.abs(random.gaussian()) * sigma * 0.5)), 'down'),
      volume: roundToStep(options.minuteVolume.times(0.5 + random.next()), options.lotSize, 'down'),
    };
    open = close;
    return bar;
  });
}
