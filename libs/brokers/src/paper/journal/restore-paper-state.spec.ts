import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fill } from '../../domain/index.js';
import type { PaperJournalRecord } from './paper-journal.js';
import type { PaperOrderRecord } from './paper-order-record.js';
import { readJournalLines } from './read-journal-lines.js';
import { restorePaperState } from './restore-paper-state.js';

const ORDER: PaperOrderRecord = {
  brokerOrderId: 'o-1',
  clientOrderId: 'c-1',
  symbol: 'TEST',
  side: 'buy',
  type: 'limit',
  timeInForce: 'gtc',
  quantity: '1',
  filledQuantity: '0',
  averageFillPrice: null,
  price: '99',
  stopPrice: null,
  status: 'submitted',
  role: 'entry',
  parentOrderId: null,
  rejectReason: null,
  createdAt: '2024-03-04T10:00:00.000Z',
  updatedAt: '2024-03-04T10:00:00.000Z',
  filledNotional: '0',
  triggered: false,
  rested: true,
  expiresAt: null,
};

const FILL: Fill = {
  executionId: 'x-1',
  brokerOrderId: 'o-1',
  clientOrderId: 'c-1',
  symbol: 'TEST',
  side: 'buy',
  quantity: '1',
  price: '99',
  fee: '0.0099',
  feeCurrency: 'USD',
  liquidity: 'maker',
  executedAt: '2024-03-04T10:00:01.000Z',
};

const lines = (...records: PaperJournalRecord[]): string =>
  records.map((record) => `${JSON.stringify(record)}\n`).join('');

describe('restorePaperState', () => {
  let dir: string;
  let file: string;
  let logs: string[];
  const logger = (level: string, message: string): void => void logs.push(`${level}: ${message}`);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-restore-'));
    file = join(dir, 'journal.jsonl');
    logs = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a missing journal as a new account', () => {
    expect(restorePaperState(file, () => undefined, logger)).toEqual({ orders: [], lastRunMs: null });
    expect(logs).toEqual([]);
  });

  it('keeps the latest record of each order in first-seen order, fills in file order, the last run', () => {
    const run = (startedAt: string): PaperJournalRecord => ({
      type: 'run',
      version: 1,
      account: 'test',
      runId: 'r',
      startedAt,
    });
    writeFileSync(
      file,
      lines(
        run('2024-03-04T10:00:00.000Z'),
        { type: 'order', order: ORDER },
        { type: 'order', order: { ...ORDER, brokerOrderId: 'o-2', clientOrderId: 'c-2' } },
        { type: 'order', order: { ...ORDER, status: 'filled', filledQuantity: '1' } },
        { type: 'fill', fill: FILL },
        run('2024-03-04T11:00:00.000Z'),
        { type: 'fill', fill: { ...FILL, executionId: 'x-2' } },
      ) + '\n',
    );
    const fills: string[] = [];
    const state = restorePaperState(file, (fill) => fills.push(fill.executionId), logger);
    expect(state.orders.map((o) => [o.brokerOrderId, o.status])).toEqual([
      ['o-1', 'filled'],
      ['o-2', 'submitted'],
    ]);
    expect(fills).toEqual(['x-1', 'x-2']);
    expect(state.lastRunMs).toBe(Date.parse('2024-03-04T11:00:00.000Z'));
    expect(logs).toEqual([]);
  });

  it('drops a torn last line (no newline), warns, and cuts it off the file', () => {
    const good = lines({ type: 'order', order: ORDER });
    writeFileSync(file, good + '{"type":"fill","fill":{"execu');
    const fills: Fill[] = [];
    const state = restorePaperState(file, (fill) => fills.push(fill), logger);
    expect(state.orders).toHaveLength(1);
    expect(fills).toEqual([]);
    expect(logs).toEqual([expect.stringMatching(/^warn: .*dropped a torn last line \(29 bytes/)]);
    expect(readFileSync(file, 'utf8')).toBe(good);
  });

  it('drops a last line that is not JSON even with its newline (a write cut by a power loss)', () => {
    const good = lines({ type: 'order', order: ORDER });
    writeFileSync(file, `${good}\u0000\u0000\u0000\n`);
    expect(restorePaperState(file, () => undefined, logger).orders).toHaveLength(1);
    expect(logs).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(good);
  });

  it('refuses a journal with an unreadable line before good ones: corruption, not a torn write', () => {
    writeFileSync(
      file,
      lines({ type: 'order', order: ORDER }) + 'garbage\n' + lines({ type: 'fill', fill: FILL }),
    );
    expect(() => restorePaperState(file, () => undefined, logger)).toThrow(/line 2 is not a journal record/);
  });

  it('names the line of a record it cannot apply', () => {
    writeFileSync(file, lines({ type: 'fill', fill: FILL }));
    expect(() =>
      restorePaperState(
        file,
        () => {
          throw new Error('unknown symbol');
        },
        logger,
      ),
    ).toThrow(/journal\.jsonl: line 1: unknown symbol/);
  });

  it('skips record types it does not know, with a warning', () => {
    writeFileSync(file, '{"type":"quote","symbol":"TEST"}\n' + lines({ type: 'order', order: ORDER }));
    expect(restorePaperState(file, () => undefined, logger).orders).toHaveLength(1);
    expect(logs).toEqual([expect.stringMatching(/line 1 has an unknown record type/)]);
  });
});

describe('readJournalLines', () => {
  it('splits lines across read chunks without breaking multi-byte characters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-lines-'));
    try {
      const file = join(dir, 'lines.jsonl');
      const expected = Array.from({ length: 50 }, (_, i) => `{"i":${i},"text":"${'é€'.repeat(i % 9)}"}`);
      writeFileSync(file, `${expected.join('\n')}\n{"torn`);
      const size = readFileSync(file).length;
      // Every chunk size from 1 byte puts chunk ends inside lines and inside multi-byte characters.
      for (const chunkBytes of [1, 2, 3, 5, 7, 64, 1 << 20]) {
        const seen: [string, number, number][] = [];
        const tail = readJournalLines(file, (text, n, offset) => seen.push([text, n, offset]), chunkBytes);
        expect(seen.map(([text]) => text)).toEqual(expected);
        expect(seen.map(([, n]) => n)).toEqual(expected.map((_, i) => i + 1));
        const offsets = expected.map((_, i) =>
          Buffer.byteLength(
            expected
              .slice(0, i)
              .map((l) => `${l}\n`)
              .join(''),
          ),
        );
        expect(seen.map(([, , offset]) => offset)).toEqual(offsets);
        expect(tail).toEqual({ completeBytes: size - 6, tornBytes: 6 });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
