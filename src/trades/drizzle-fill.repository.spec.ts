import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { sql } from 'drizzle-orm';
import type { Fill } from '#brokers';
import { openDatabase, type OpenDatabase } from '../persistence/open-database.js';
import { orders } from '../persistence/schema/index.js';
import { fillCsvStream } from './csv/fill-csv.stream.js';
import { fillBatches } from './fill-batches.js';
import type { FillRecord } from './fill-record.js';
import type { FillPosition } from './fill.repository.js';
import { DrizzleFillRepository } from './drizzle-fill.repository.js';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

function fill(executionId: string, fields: Partial<Fill> = {}): Fill {
  return {
    executionId,
    brokerOrderId: `B-${executionId}`,
    clientOrderId: `c-${executionId}`,
    symbol: 'BTCUSDT',
    side: 'buy',
    quantity: '0.01',
    price: '65000.5',
    fee: '0.39',
    feeCurrency: 'USDT',
    liquidity: 'taker',
    executedAt: at(0),
    ...fields,
  };
}

describe('DrizzleFillRepository', () => {
  let database: OpenDatabase;
  let repository: DrizzleFillRepository;

  /** An order row as OrderService writes it; only the columns the trade log reads matter. */
  async function order(
    clientOrderId: string,
    brokerOrderId: string | null,
    account = 'paper',
  ): Promise<string> {
    const id = randomUUID();
    const now = new Date(T0);
    await database.db.insert(orders).values({
      id,
      account,
      clientOrderId,
      brokerOrderId,
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'market',
      timeInForce: 'ioc',
      quantity: '0.01',
      filledQuantity: '0',
      status: 'submitted',
      role: 'entry',
      fingerprint: 'f',
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  /** Every page of `limit` rows, following `after` from one to the next, concatenated. */
  async function walk(limit: number, filter = {}): Promise<FillRecord[]> {
    const seen: FillRecord[] = [];
    let after: FillPosition | undefined;
    for (;;) {
      const page = await repository.list(filter, limit, after);
      seen.push(...page);
      const last = page.at(-1);
      if (page.length < limit || last === undefined) return seen;
      after = { executedAt: last.executedAt, id: last.id };
    }
  }

  beforeAll(async () => {
    database = await openDatabase({ dataDir: '', inMemory: true });
    repository = new DrizzleFillRepository(database.db);
  });
  afterAll(() => database.close());
  beforeEach(() => database.db.execute(sql`truncate fills, orders restart identity`));

  describe('insert', () => {
    it('stores a fill reported twice once, across calls and within one batch', async () => {
      expect(await repository.insert('paper', [fill('E1'), fill('E2')])).toEqual({
        inserted: 2,
        unlinked: ['E1', 'E2'],
      });
      expect(await repository.insert('paper', [fill('E2'), fill('E3'), fill('E3')])).toEqual({
        inserted: 1,
        unlinked: ['E3'],
      });
      expect((await repository.list({}, 10)).map((row) => row.executionId).sort()).toEqual([
        'E1',
        'E2',
        'E3',
      ]);
    });

    it('keeps the same execution id of two accounts apart', async () => {
      await repository.insert('paper', [fill('E1')]);
      await repository.insert('paper-2', [fill('E1')]);
      expect(await repository.list({}, 10)).toHaveLength(2);
    });

    it('returns what it stored: decimals exact, the time in UTC with milliseconds, the id a string', async () => {
      const reported = fill('E1', { price: '65000.123456789', fee: '-0.000001', executedAt: at(1.234) });
      await repository.insert('paper', [reported]);
      const [stored] = await repository.list({}, 1);
      expect(stored).toEqual({ ...reported, id: '1', account: 'paper', orderId: null, strategy: null });
      expect(stored?.executedAt).toBe('2026-03-02T10:00:01.234Z');
    });

    it('links a fill to its order by broker order id, else by client order id', async () => {
      const acknowledged = await order('c-A', 'B-A');
      const notYetAcknowledged = await order('c-B', null);
      await order('c-other', 'B-C');
      const outcome = await repository.insert('paper', [
        fill('A', { brokerOrderId: 'B-A', clientOrderId: 'ignored-when-the-broker-id-matches' }),
        fill('B', { brokerOrderId: 'B-B', clientOrderId: 'c-B' }),
        fill('C', { brokerOrderId: 'B-C', clientOrderId: 'c-B' }),
        fill('D', { brokerOrderId: 'B-D', clientOrderId: 'c-unknown' }),
        fill('E', { brokerOrderId: 'B-E', clientOrderId: '' }),
      ]);
      expect(outcome.unlinked).toEqual(['D', 'E']);
      const byExecution = new Map(
        (await repository.list({}, 10)).map((row) => [row.executionId, row.orderId]),
      );
      expect(byExecution.get('A')).toBe(acknowledged);
      expect(byExecution.get('B')).toBe(notYetAcknowledged);
      expect(byExecution.get('C')).not.toBe(notYetAcknowledged);
    });

    it('does not link to an order of another account', async () => {
      await order('c-A', 'B-A', 'other');
      expect(
        (await repository.insert('paper', [fill('A', { brokerOrderId: 'B-A', clientOrderId: 'c-A' })]))
          .unlinked,
      ).toEqual(['A']);
    });

    it('stores a batch larger than one statement takes', async () => {
      const many = Array.from({ length: 12_000 }, (_, i) => fill(`M${i}`, { executedAt: at(i) }));
      expect((await repository.insert('paper', many)).inserted).toBe(12_000);
      expect((await repository.insert('paper', many)).inserted).toBe(0);
    });
  });

  describe('linkOrders', () => {
    it('links fills stored before their order was, and reports those still without one', async () => {
      await repository.insert('paper', [fill('A'), fill('B')]);
      const adopted = await order('c-A', 'B-A');
      expect(await repository.linkOrders('paper', ['A', 'B'])).toEqual(['B']);
      expect((await repository.list({}, 10)).find((row) => row.executionId === 'A')?.orderId).toBe(adopted);
      expect(await repository.linkOrders('paper', [])).toEqual([]);
    });
  });

  describe('list', () => {
    beforeEach(async () => {
      await repository.insert('paper', [
        fill('1', { symbol: 'BTCUSDT', side: 'buy', executedAt: at(1) }),
        fill('2', { symbol: 'ETHUSDT', side: 'sell', executedAt: at(2) }),
        fill('3', { symbol: 'BTCUSDT', side: 'sell', executedAt: at(3) }),
      ]);
      await repository.insert('paper-2', [fill('4', { symbol: 'BTCUSDT', side: 'buy', executedAt: at(4) })]);
      await database.db.execute(sql`update fills set strategy = 'sma-cross' where execution_id = '3'`);
    });
    const ids = async (filter: object): Promise<string[]> =>
      (await repository.list(filter, 100)).map((row) => row.executionId);

    it('is newest first', async () => {
      expect(await ids({})).toEqual(['4', '3', '2', '1']);
    });

    it('filters by account, symbol, side and strategy, together', async () => {
      expect(await ids({ account: 'paper' })).toEqual(['3', '2', '1']);
      expect(await ids({ symbol: 'BTCUSDT' })).toEqual(['4', '3', '1']);
      expect(await ids({ side: 'sell' })).toEqual(['3', '2']);
      expect(await ids({ strategy: 'sma-cross' })).toEqual(['3']);
      expect(await ids({ account: 'paper', symbol: 'BTCUSDT', side: 'buy' })).toEqual(['1']);
      expect(await ids({ account: 'nobody' })).toEqual([]);
    });

    it('filters by time, both ends inclusive', async () => {
      expect(await ids({ from: new Date(at(2)), to: new Date(at(3)) })).toEqual(['3', '2']);
      expect(await ids({ from: new Date(at(3.001)) })).toEqual(['4']);
      expect(await ids({ to: new Date(at(1)) })).toEqual(['1']);
    });
  });

  describe('keyset pages', () => {
    it('return every fill exactly once when many share a timestamp, whatever the page size', async () => {
      // 3 fills at t=1, 4 at t=2 (two pages end inside this group), 1 at t=3; ids interleave with time.
      const times = [2, 1, 2, 3, 1, 2, 1, 2];
      await repository.insert(
        'paper',
        times.map((seconds, i) => fill(`K${i}`, { executedAt: at(seconds) })),
      );
      const expected = (await repository.list({}, 100)).map((row) => row.id);
      expect(expected).toHaveLength(times.length);
      for (const limit of [1, 2, 3, 4, 7, 8, 9]) {
        expect((await walk(limit)).map((row) => row.id)).toEqual(expected);
      }
    });

    it('order equal timestamps by id, descending, and continue from a position inside such a group', async () => {
      await repository.insert(
        'paper',
        ['a', 'b', 'c'].map((id) => fill(id, { executedAt: at(5) })),
      );
      const rows = await repository.list({}, 10);
      expect(rows.map((row) => row.id)).toEqual(['3', '2', '1']);
      expect((await repository.list({}, 10, { executedAt: at(5), id: '3' })).map((row) => row.id)).toEqual([
        '2',
        '1',
      ]);
    });

    it('keep a filter across pages', async () => {
      await repository.insert(
        'paper',
        Array.from({ length: 10 }, (_, i) =>
          fill(`F${i}`, { side: i % 2 ? 'sell' : 'buy', executedAt: at(i % 3) }),
        ),
      );
      const sells = await walk(2, { side: 'sell' });
      expect(sells.map((row) => row.executionId).sort()).toEqual(['F1', 'F3', 'F5', 'F7', 'F9']);
    });
  });

  describe('CSV export', () => {
    it('streams every fill in batches, quoting commas, quotes and line breaks', async () => {
      await repository.insert('paper', [
        fill('plain', { executedAt: at(3) }),
        fill('q', { clientOrderId: 'say "hi", twice', executedAt: at(2) }),
        fill('n', { clientOrderId: 'two\nlines', executedAt: at(1) }),
      ]);
      const csv = await text(fillCsvStream(fillBatches(repository, {}, 2)));
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(
        'id,account,executionId,orderId,brokerOrderId,clientOrderId,symbol,side,quantity,price,fee,' +
          'feeCurrency,liquidity,strategy,executedAt',
      );
      expect(lines[1]).toBe(
        `1,paper,plain,,B-plain,c-plain,BTCUSDT,buy,0.01,65000.5,0.39,USDT,taker,,${at(3)}`,
      );
      expect(lines[2]).toBe(
        `2,paper,q,,B-q,"say ""hi"", twice",BTCUSDT,buy,0.01,65000.5,0.39,USDT,taker,,${at(2)}`,
      );
      expect(lines[3]).toBe(`3,paper,n,,B-n,"two\nlines",BTCUSDT,buy,0.01,65000.5,0.39,USDT,taker,,${at(1)}`);
      expect(lines.slice(4)).toEqual(['']);
    });
  });
});
