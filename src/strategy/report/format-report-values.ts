/**
 * How the report writes numbers. A statistic the run leaves undefined (null) or a value that is not
 * finite is shown as a dash rather than "null", "NaN" or "Infinity". Formatting is fixed to en-US and
 * UTC so the same run renders the same page wherever it is rendered.
 */
export const MISSING_VALUE = '—';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signedMoney = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const ratio = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// Prices range from 1.08345 (EURUSD) to 65,000 (BTC): keep up to five decimals, at least two.
const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 5 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function formatWith(format: Intl.NumberFormat, value: number | null | undefined): string {
  return isPresent(value) ? format.format(value) : MISSING_VALUE;
}

export const formatMoney = (value: number | null | undefined): string => formatWith(money, value);
export const formatSignedMoney = (value: number | null | undefined): string => formatWith(signedMoney, value);
/** A fraction as a percent: 0.1234 is "12.34%". */
export const formatPercent = (fraction: number | null | undefined): string => formatWith(percent, fraction);
export const formatRatio = (value: number | null | undefined): string => formatWith(ratio, value);
export const formatPrice = (value: number | null | undefined): string => formatWith(price, value);
export const formatCount = (value: number | null | undefined): string => formatWith(count, value);

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A span of time in its two largest units: "41 d 6 h", "3 h 15 min", "0 min". */
export function formatDuration(ms: number | null | undefined): string {
  if (!isPresent(ms) || ms < 0) return MISSING_VALUE;
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** An epoch-ms instant as "2024-03-01 14:30" in UTC (the timezone the charts use too). */
export function formatTimestamp(ms: number | null | undefined): string {
  if (!isPresent(ms)) return MISSING_VALUE;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return MISSING_VALUE;
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** An ISO string from the run record, shown the same way as the trade times, or as given if unparsable. */
export function formatIsoTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatTimestamp(ms);
}
