import type { BarIndicator, SeriesIndicator } from '../indicators/indicator.js';

/** Feeds one value and reads the indicator's value back, for specs that compare series of values. */
export function updated(indicator: SeriesIndicator, value: number): number {
  indicator.update(value);
  return indicator.value;
}

export function updatedBar(indicator: BarIndicator, high: number, low: number, close: number): number {
  indicator.updateBar(high, low, close);
  return indicator.value;
}
