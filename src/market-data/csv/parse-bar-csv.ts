import { ValidationFailedError } from '../../common/errors/app-error.js';
import type { StoredBar } from '../candle.repository.js';
import type { TimeframeGrid } from '../timeframe-grid.js';
import { readHeader, type ColumnIndex } from './bar-csv-header.js';
import { BAR_TIME_FORMATS, parseBarTime } from './parse-bar-time.js';

/** Problems listed in a refusal; the count says how many there were in all. */
export const MAX_LISTED_PROBLEMS = 20;

/** A bad line of an upload: its number (the header is line 1) and what is wrong with it. */
export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

/** A plain decimal or exponent number: no hex, no `Infinity`, no blank read as 0 the way `Number` would. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads an uploaded bar file: a header row, then one bar a line (`time,open,high,low,close[,volume]`,
 * see `BAR_TIME_FORMATS`), in any order. Returns the bars sorted by time; refuses the whole file, listing
 * the first `MAX_LISTED_PROBLEMS` bad lines, when any line is bad, so nothing of a bad file is stored.
 */
export function parseBarCsv(text: string, grid: TimeframeGrid, maxBars: number): StoredBar[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  if (headerAt === -1) throw refusal('The CSV is empty: it needs a header row and at least one bar', []);
  const columns = readHeader(splitFields(lines[headerAt] ?? ''));
  if (typeof columns === 'string')
    throw refusal('The CSV header is not one we read', [{ line: headerAt + 1, message: columns }]);

  const bars: StoredBar[] = [];
  const problems: CsvProblem[] = [];
  const lineOfTime = new Map<number, number>();
  for (let index = headerAt + 1; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (text.trim() === '') continue;
    const line = index + 1;
    const bar = readBar(splitFields(text), columns, grid);
    if (typeof bar === 'string') {
      problems.push({ line, message: bar });
      continue;
    }
    const earlier = lineOfTime.get(bar.time);
    if (earlier !== undefined) {
      problems.push({ line, message: `time ${new Date(bar.time).toISOString()} repeats line ${earlier}` });
      continue;
    }
    lineOfTime.set(bar.time, line);
    bars.push(bar);
  }
  if (problems.length > 0)
    throw refusal(
      `The CSV has ${problems.length} bad line${problems.length === 1 ? '' : 's'}; nothing was stored`,
      problems,
    );
  if (bars.length === 0) throw refusal('The CSV has a header but no bars', []);
  if (bars.length > maxBars)
    throw refusal(`The CSV has ${bars.length} bars; a dataset holds at most ${maxBars}`, []);
  return bars.sort((a, b) => a.time - b.time);
}

/** One line's bar, or what is wrong with it (the first thing found). */
function readBar(fields: readonly string[], columns: ColumnIndex, grid: TimeframeGrid): StoredBar | string {
  const expected = columns.volume === undefined ? 5 : 6;
  if (fields.length !== expected) return `has ${fields.length} fields; the header names ${expected}`;
  const field = (at: number | undefined): string => (at === undefined ? '' : (fields[at] ?? ''));
  const timeField = field(columns.time);
  const time = parseBarTime(timeField);
  if (time === null) return `time "${timeField}" is not ${BAR_TIME_FORMATS}`;
  if (!grid.isOpenTime(time))
    return `time ${new Date(time).toISOString()} is not the open of a ${grid.timeframe} bar (UTC)`;
  const prices: Record<'open' | 'high' | 'low' | 'close', number> = { open: 0, high: 0, low: 0, close: 0 };
  for (const name of ['open', 'high', 'low', 'close'] as const) {
    const value = readNumber(field(columns[name]));
    if (typeof value === 'string') return `${name} ${value}`;
    if (value <= 0) return `${name} ${value} is not above 0`;
    prices[name] = value;
  }
  const { open, high, low, close } = prices;
  if (high < low) return `high ${high} is below low ${low}`;
  if (high < Math.max(open, close)) return `high ${high} is below the open or the close`;
  if (low > Math.min(open, close)) return `low ${low} is above the open or the close`;
  const volume = columns.volume === undefined ? 0 : readNumber(field(columns.volume));
  if (typeof volume === 'string') return `volume ${volume}`;
  if (volume < 0) return `volume ${volume} is negative`;
  return { time, open, high, low, close, volume };
}

/** The number in `field`, or why it is not one. */
function readNumber(field: string): number | string {
  if (!NUMBER.test(field)) return `"${field}" is not a number`;
  const value = Number(field);
  return Number.isFinite(value) ? value : `"${field}" is not a finite number`;
}

/** Comma-separated, each field trimmed and unquoted: bar files carry no commas inside a field. */
function splitFields(line: string): string[] {
  return line.split(',').map((field) => {
    const trimmed = field.trim();
    return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
      ? trimmed.slice(1, -1).trim()
      : trimmed;
  });
}

function refusal(message: string, problems: readonly CsvProblem[]): ValidationFailedError {
  return new ValidationFailedError(message, {
    problemCount: problems.length,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
  });
}
