import { readFileSync } from 'node:fs';
import { ValidationFailedError } from '../../common/errors/app-error.js';
import { TimeframeGrid } from '../timeframe-grid.js';
import { MAX_LISTED_PROBLEMS, parseBarCsv, type CsvProblem } from './parse-bar-csv.js';

const HOUR = TimeframeGrid.of('1h');
const DAY = TimeframeGrid.of('1d');
const MAX = 1_000_000;
const T = Date.parse('2024-01-02T09:00:00.000Z');
const H = 3_600_000;

/** The refusal's listed problems, or a failure when the file was taken. */
function problemsOf(csv: string, grid = HOUR): { message: string; problems: CsvProblem[]; count: number } {
  try {
    parseBarCsv(csv, grid, MAX);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    const details = (error as ValidationFailedError).details as {
      problems: CsvProblem[];
      problemCount: number;
    };
    return { message: (error as Error).message, problems: details.problems, count: details.problemCount };
  }
  throw new Error('the CSV was accepted');
}

/** GOOG.csv as the upload format: its first column is the date under an empty header. */
function googAsUpload(): string {
  const [header = '', ...rows] = readFileSync('test/fixtures/market-data/GOOG.csv', 'utf8')
    .trim()
    .split('\n');
  expect(header).toBe(',Open,High,Low,Close,Volume');
  return [
    'time,open,high,low,close,volume',
    ...rows.map((row) => row.replace(/^(\d{4}-\d{2}-\d{2})/, '$1T00:00:00Z')),
  ].join('\n');
}

describe('parseBarCsv', () => {
  it('reads bars in any column order and case, sorted by time, with volume 0 when there is no column', () => {
    const csv = [
      'Close,TIME,open,high,low',
      `101,${new Date(T + H).toISOString()},100,102,99`,
      `100.5,${new Date(T).toISOString()},100,101,99.5`,
    ].join('\r\n');
    expect(parseBarCsv(csv, HOUR, MAX)).toEqual([
      { time: T, open: 100, high: 101, low: 99.5, close: 100.5, volume: 0 },
      { time: T + H, open: 100, high: 102, low: 99, close: 101, volume: 0 },
    ]);
  });

  it('takes ISO times with Z or an offset, plain dates, and epoch seconds or milliseconds', () => {
    const csv = [
      'time,open,high,low,close,volume',
      '2024-01-02T09:00:00Z,1,1,1,1,5',
      '2024-01-02T11:00:00+01:00,1,1,1,1,5',
      `${(T + 2 * H) / 1000},1,1,1,1,5`,
      `${T + 3 * H},1,1,1,1,5`,
      '2024-01-03,1,1,1,1,5',
    ].join('\n');
    expect(parseBarCsv(csv, HOUR, MAX).map((bar) => new Date(bar.time).toISOString())).toEqual([
      '2024-01-02T09:00:00.000Z',
      '2024-01-02T10:00:00.000Z',
      '2024-01-02T11:00:00.000Z',
      '2024-01-02T12:00:00.000Z',
      '2024-01-03T00:00:00.000Z',
    ]);
  });

  it('refuses each kind of bad line by its number, the header being line 1', () => {
    const lines = [
      'time,open,high,low,close,volume',
      '2024-01-02T09:00:00Z,100,101,99,100,10', // 2: good
      '2024-01-02 10:00:00,100,101,99,100,10', // 3: no zone
      '2024-01-02T11:00:00Z,100,98,99,100,10', // 4: high < low
      '2024-01-02T12:00:00Z,100,101,99,1e999,10', // 5: not finite
      '2024-01-02T13:00:00Z,0,101,99,100,10', // 6: price 0
      '2024-01-02T14:30:00Z,100,101,99,100,10', // 7: off the 1h grid
      '2024-01-02T09:00:00Z,100,101,99,100,10', // 8: repeats line 2
      '2024-01-02T15:00:00Z,100,101,99,abc,10', // 9: not a number
      '2024-01-02T16:00:00Z,100,101,99', // 10: too few fields
      '',
      '2024-01-02T17:00:00Z,100,101,99,100,-1', // 12: negative volume
      '2024-01-02T18:00:00Z,100,99.5,99,100,1', // 13: high below the open
    ];
    const { message, problems, count } = problemsOf(lines.join('\n'));
    expect(message).toBe('The CSV has 10 bad lines; nothing was stored');
    expect(count).toBe(10);
    expect(problems).toEqual([
      {
        line: 3,
        message: expect.stringMatching(/^time "2024-01-02 10:00:00" is not an ISO 8601 time with its zone/),
      },
      { line: 4, message: 'high 98 is below low 99' },
      { line: 5, message: 'close "1e999" is not a finite number' },
      { line: 6, message: 'open 0 is not above 0' },
      { line: 7, message: 'time 2024-01-02T14:30:00.000Z is not the open of a 1h bar (UTC)' },
      { line: 8, message: 'time 2024-01-02T09:00:00.000Z repeats line 2' },
      { line: 9, message: 'close "abc" is not a number' },
      { line: 10, message: 'has 4 fields; the header names 6' },
      { line: 12, message: 'volume -1 is negative' },
      { line: 13, message: 'high 99.5 is below the open or the close' },
    ]);
  });

  it(`lists the first ${MAX_LISTED_PROBLEMS} bad lines and counts them all`, () => {
    const rows = Array.from({ length: 30 }, (_, n) => `${new Date(T + n * H).toISOString()},-1,1,1,1`);
    const { problems, count } = problemsOf(['time,open,high,low,close', ...rows].join('\n'));
    expect(count).toBe(30);
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(problems[0]).toEqual({ line: 2, message: 'open -1 is not above 0' });
    expect(problems.at(-1)?.line).toBe(21);
  });

  it('refuses a header it does not read, an empty file and a header without bars', () => {
    expect(problemsOf(',Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1').problems).toEqual([
      {
        line: 1,
        message:
          'the header must name the columns time,open,high,low,close and optionally volume; found (empty),Open,High,Low,Close,Volume',
      },
    ]);
    expect(problemsOf('').message).toMatch(/empty/);
    expect(problemsOf('time,open,high,low,close\n\n').message).toBe('The CSV has a header but no bars');
  });

  it('refuses a file of more bars than a dataset holds', () => {
    const csv = ['time,open,high,low,close', `${T},1,1,1,1`, `${T + H},1,1,1,1`].join('\n');
    expect(() => parseBarCsv(csv, HOUR, 1)).toThrow('The CSV has 2 bars; a dataset holds at most 1');
  });

  it('reads the GOOG daily fixture once its date column is named time', () => {
    const bars = parseBarCsv(googAsUpload(), DAY, MAX);
    expect(bars).toHaveLength(2148);
    expect(bars[0]).toEqual({
      time: Date.parse('2004-08-19T00:00:00Z'),
      open: 100,
      high: 104.06,
      low: 95.96,
      close: 100.34,
      volume: 22351900,
    });
    for (let index = 1; index < bars.length; index++)
      expect((bars[index]?.time ?? 0) > (bars[index - 1]?.time ?? 0)).toBe(true);
  });
});
