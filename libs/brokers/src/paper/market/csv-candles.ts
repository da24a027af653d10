import type Big from 'big.js';
import { dec, isDecimal } from '../../decimal/index.js';

/** One row of a candle file, as decimals. */
export interface ReplayCandle {
  readonly timeMs: number;
  readonly open: Big;
  readonly high: Big;
  readonly low: Big;
  readonly close: Big;
  readonly volume: Big | null;
}

const TIME_COLUMNS = ['time', 'date', 'datetime', 'timestamp', ''];
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const EPOCH = /^\d+(\.\d+)?$/;
/** Below this an epoch is in seconds: 1e11 s is the year 5138, 1e11 ms is March 1973. */
const EPOCH_SECONDS_LIMIT = 1e11;

/**
 * Parses a candle CSV with a header line: `time,open,high,low,close[,volume]`, case-insensitive, the
 * time column also accepted as `date`, `timestamp` or unnamed (pandas' index column). Rows come back
 * oldest first. Throws on a malformed file: a bad replay file is a configuration error, found at boot.
 */
export function parseCandleCsv(text: string, source = 'candle file'): ReplayCandle[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((name) => name.trim().toLowerCase());
  const column = (name: string): number => header.indexOf(name);
  const timeIndex = Math.max(
    0,
    header.findIndex((name) => TIME_COLUMNS.includes(name)),
  );
  const open = column('open');
  const high = column('high');
  const low = column('low');
  const close = column('close');
  const volume = column('volume');
  if ([open, high, low, close].some((index) => index < 0)) {
    throw new Error(`${source}: header must name open, high, low and close columns, got "${lines[0] ?? ''}"`);
  }
  const candles: ReplayCandle[] = [];
  for (let row = 1; row < lines.length; row++) {
    const line = lines[row]?.trim() ?? '';
    if (line === '') continue;
    const cells = line.split(',').map((cell) => cell.trim());
    const where = `${source}:${row + 1}`;
    const number = (index: number, name: string): Big => {
      const cell = cells[index];
      if (!isDecimal(cell)) throw new Error(`${where}: ${name} "${cell ?? ''}" is not a decimal`);
      return dec(cell);
    };
    const o = number(open, 'open');
    const c = number(close, 'close');
    const h = number(high, 'high');
    const l = number(low, 'low');
    candles.push({
      timeMs: parseCandleTime(cells[timeIndex] ?? '', where),
      open: o,
      close: c,
      // Vendor files occasionally print a high below the close; widen rather than refuse the row.
      high: [h, o, c].reduce((a, b) => (b.gt(a) ? b : a)),
      low: [l, o, c].reduce((a, b) => (b.lt(a) ? b : a)),
      volume: volume >= 0 && isDecimal(cells[volume]) ? dec(cells[volume]) : null,
    });
  }
  if (candles.length === 0) throw new Error(`${source}: no candles`);
  return candles.sort((a, b) => a.timeMs - b.timeMs);
}

/** An ISO time, a date, a zoneless date-time (read as UTC) or an epoch in seconds or milliseconds. */
export function parseCandleTime(value: string, where = 'time'): number {
  let ms: number;
  if (EPOCH.test(value)) {
    const epoch = Number(value);
    ms = epoch < EPOCH_SECONDS_LIMIT ? epoch * 1000 : epoch;
  } else if (DATE_ONLY.test(value)) {
    ms = Date.parse(`${value}T00:00:00Z`);
  } else if (ZONELESS_DATE_TIME.test(value)) {
    ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  } else {
    ms = Date.parse(value);
  }
  if (!Number.isFinite(ms)) throw new Error(`${where}: time "${value}" is not ISO 8601, a date or an epoch`);
  return Math.round(ms);
}
