import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { barSeriesFromRows, type BarRow, type BarSeries } from '../data/bar-series.js';

export type FixtureName = 'GOOG' | 'EURUSD';

const FIXTURE_FOLDER = join('test', 'fixtures', 'market-data');

/** `2004-08-19` or `2017-04-19 09:00:00`, both UTC. */
const TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * The shared candles of `test/fixtures/market-data/<name>.csv` as a series. The repo root is found by
 * walking up from this file rather than by a fixed `../..` count, so the loader works both from the
 * TypeScript sources (jest) and from a compiled copy under `dist/`.
 */
export function loadFixtureSeries(name: FixtureName): BarSeries {
  const text = readFileSync(join(findFixtureFolder(), `${name}.csv`), 'utf8');
  return barSeriesFromRows(name, parseCandles(text, name));
}

function findFixtureFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, FIXTURE_FOLDER);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no ${FIXTURE_FOLDER} above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
}

function parseCandles(text: string, name: string): BarRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (header?.trim() !== ',Open,High,Low,Close,Volume') {
    throw new Error(`${name}.csv: unexpected header ${JSON.stringify(header)}`);
  }
  return lines.map((line, index) => {
    const fields = line.split(',');
    if (fields.length !== 6) throw new Error(`${name}.csv line ${index + 2}: expected 6 fields`);
    const [time, open, high, low, close, volume] = fields as [string, string, string, string, string, string];
    return {
      time: parseUtcTime(time, `${name}.csv line ${index + 2}`),
      open: parseNumber(open, name, index),
      high: parseNumber(high, name, index),
      low: parseNumber(low, name, index),
      close: parseNumber(close, name, index),
      volume: parseNumber(volume, name, index),
    };
  });
}

function parseUtcTime(text: string, where: string): number {
  const match = TIME_PATTERN.exec(text.trim());
  if (!match) throw new Error(`${where}: unreadable time ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function parseNumber(text: string, name: string, index: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new Error(`${name}.csv line ${index + 2}: not a number ${JSON.stringify(text)}`);
  }
  return value;
}
