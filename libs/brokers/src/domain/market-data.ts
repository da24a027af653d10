import type { DecimalString } from './decimal-string.js';

export interface Ticker {
  readonly symbol: string;
  readonly bid: DecimalString;
  readonly ask: DecimalString;
  readonly last: DecimalString;
  /** Quantity quoted at the best bid and ask. */
  readonly bidSize: DecimalString;
  readonly askSize: DecimalString;
  readonly time: string;
}

export interface Candle {
  /** Start of the bar, UTC ISO 8601. */
  readonly openTime: string;
  readonly open: DecimalString;
  readonly high: DecimalString;
  readonly low: DecimalString;
  readonly close: DecimalString;
  readonly volume: DecimalString;
}
