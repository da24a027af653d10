import { ValidationFailedError } from '../common/errors/app-error.js';
import type { TimeSpan } from './time-spans.js';

/**
 * Bars one load may return. A million 1-minute bars is almost two years; the series takes 48 MB, and
 * the rows read to fill it several times that. Longer backtests load in parts.
 */
export const MAX_BARS_PER_LOAD = 1_000_000;

/** [from, to] as a span of open times, refused when a date is invalid, reversed or too long a range. */
export function checkedSpan(from: Date, to: Date, barMs: number): TimeSpan {
  const firstMs = from.getTime();
  const lastMs = to.getTime();
  if (Number.isNaN(firstMs) || Number.isNaN(lastMs))
    throw new ValidationFailedError('from and to must be valid dates', { field: 'from' });
  if (firstMs > lastMs) throw new ValidationFailedError('from must not be after to', { field: 'from' });
  const bars = Math.floor((lastMs - firstMs) / barMs) + 1;
  if (bars > MAX_BARS_PER_LOAD)
    throw new ValidationFailedError(
      `from … to spans up to ${bars} bars; one load takes at most ${MAX_BARS_PER_LOAD}`,
      { field: 'to', maxBars: MAX_BARS_PER_LOAD },
    );
  return { firstMs, lastMs };
}
