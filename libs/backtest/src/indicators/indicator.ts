/**
 * Indicators are updated once per closed bar in O(1) time and memory bounded by their period. `value` is
 * NaN until `isReady`; reading it never allocates. `update` returns nothing on purpose: a number returned
 * from a call the optimizer does not inline is boxed on the heap, once per indicator per bar, which cost
 * the engine half its speed; read `value` after it.
 */
export interface Indicator {
  readonly isReady: boolean;
  /** The indicator's main line (the middle band, the MACD line …); NaN until ready. */
  readonly value: number;
  /** Bars needed before the first value. */
  readonly warmup: number;
}

/** Fed one number per bar (usually the close). */
export interface SeriesIndicator extends Indicator {
  update(value: number): void;
}

/** Fed the whole bar (ATR, Donchian, rolling high/low of highs and lows). */
export interface BarIndicator extends Indicator {
  updateBar(high: number, low: number, close: number): void;
}

/** Bollinger bands and Donchian channels: `value` is the middle line. */
export interface BandIndicator extends Indicator {
  readonly upper: number;
  readonly middle: number;
  readonly lower: number;
}

export interface MacdIndicator extends Indicator {
  /** Fast EMA minus slow EMA; also `value`. */
  readonly macd: number;
  readonly signal: number;
  /** MACD minus signal. */
  readonly histogram: number;
}
