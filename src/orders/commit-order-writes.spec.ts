import { sql } from 'drizzle-orm';
import { openDatabase, type OpenDatabase } from '../persistence/open-database.js';
import { commitOrderWrites } from './commit-order-writes.js';
import { DrizzleOrderRepository } from './drizzle-order.repository.js';
import type { OrderRecord } from './order-record.js';
import { restingOrderRecord } from './testing/resting-order-record.js';
import { orderEvent } from './order-records.js';
import type { OrderWrite } from './order-write.js';

const order = (clientOrderId: string): OrderRecord => restingOrderRecord(clientOrderId, 'momentum');

const next = (record: OrderRecord, fields: Partial<OrderRecord>): OrderRecord => ({
  ...record,
  ...fields,
  revision: record.revision + 1,
  updatedAt: new Date(Date.parse(record.updatedAt) + 1).toISOString(),
});

const inserting = (record: OrderRecord): OrderWrite => ({
  kind: 'insert',
  order: record,
  event: orderEvent(record, 'request'),
});

const changing = (record: OrderRecord): OrderWrite => ({
  kind: 'update',
  order: record,
  event: orderEvent(record, 'broker'),
});

describe('commitOrderWrites', () => {
  let database: OpenDatabase;
  let repository: DrizzleOrderRepository;

  /** A new order committed on its own, as the order path's first write for it. */
  async function stored(clientOrderId: string): Promise<OrderRecord> {
    const placed = order(clientOrderId);
    await commitOrderWrites(database.db, [inserting(placed)]);
    return placed;
  }

  beforeAll(async () => {
    database = await openDatabase({ dataDir: '', inMemory: true });
    repository = new DrizzleOrderRepository(database.db);
  });
  afterAll(() => database.close());
  beforeEach(() => database.db.execute(sql`truncate orders, order_events`));

  it('stores a batch of new orders as given and reads them back field for field', async () => {
    const orders = ['a', 'b', 'c'].map(order);
    const results = await commitOrderWrites(database.db, orders.map(inserting));
    expect(results).toEqual(orders.map((record) => ({ kind: 'insert', order: record, created: true })));
    for (const record of orders) expect(await repository.findById(record.id)).toEqual(record);
    expect((await repository.eventsOf(orders[1]!.id)).map((event) => [event.status, event.source])).toEqual([
      ['new', 'request'],
    ]);
  });

  it('answers a taken clientOrderId with the stored order, in the same batch or an earlier one', async () => {
    const first = await stored('dup');
    const again = order('dup');
    const twins = [order('twin'), order('twin')];
    const results = await commitOrderWrites(database.db, [again, ...twins].map(inserting));
    expect(results).toEqual([
      { kind: 'insert', order: first, created: false },
      { kind: 'insert', order: twins[0], created: true },
      { kind: 'insert', order: twins[0], created: false },
    ]);
    expect(await repository.eventsOf(first.id)).toHaveLength(1);
    expect(await repository.eventsOf(twins[1]!.id)).toHaveLength(0);
  });

  it('applies changes over the revision they were judged against, several to one order in one batch', async () => {
    const placed = await stored('moves');
    const submitted = next(placed, { status: 'submitted', brokerOrderId: 'B-1' });
    const partial = next(submitted, {
      status: 'partially_filled',
      filledQuantity: '0.2',
      averageFillPrice: '100',
    });
    const filled = next(partial, { status: 'filled', filledQuantity: '0.5', averageFillPrice: '100.06' });
    const results = await commitOrderWrites(
      database.db,
      [submitted, partial, filled].map((record) => ({
        kind: 'update',
        order: record,
        event: orderEvent(record, 'broker', null, { status: record.status }),
      })),
    );
    expect(results).toEqual([1, 2, 3].map(() => ({ kind: 'update', applied: true })));
    expect(await repository.findById(placed.id)).toEqual(filled);
    expect((await repository.eventsOf(placed.id)).map((event) => [event.status, event.payload])).toEqual([
      ['new', null],
      ['submitted', { status: 'submitted' }],
      ['partially_filled', { status: 'partially_filled' }],
      ['filled', { status: 'filled' }],
    ]);
  });

  it('refuses a change judged against a revision another writer has moved past, and every change after it', async () => {
    const placed = await stored('raced');
    const theirs = next(placed, { status: 'cancelled' });
    await commitOrderWrites(database.db, [changing(theirs)]);
    const mine = next(placed, { status: 'submitted' });
    const mineNext = next(mine, { status: 'filled', filledQuantity: '0.5' });
    const results = await commitOrderWrites(database.db, [changing(mine), changing(mineNext)]);
    expect(results).toEqual([
      { kind: 'update', applied: false },
      { kind: 'update', applied: false },
    ]);
    expect(await repository.findById(placed.id)).toEqual(theirs);
    expect((await repository.eventsOf(placed.id)).map((event) => event.status)).toEqual(['new', 'cancelled']);
  });

  it('applies a change and refuses the one after it that was judged on a revision it does not leave', async () => {
    const placed = await stored('gap');
    const submitted = next(placed, { status: 'submitted', brokerOrderId: 'B-2' });
    const skipped = next(next(submitted, {}), { status: 'filled', filledQuantity: '0.5' });
    const results = await commitOrderWrites(database.db, [changing(submitted), changing(skipped)]);
    expect(results).toEqual([
      { kind: 'update', applied: true },
      { kind: 'update', applied: false },
    ]);
    expect(await repository.findById(placed.id)).toEqual(submitted);
    expect((await repository.eventsOf(placed.id)).map((event) => event.status)).toEqual(['new', 'submitted']);
  });

  it('stores nothing of a batch when one statement of it fails', async () => {
    const good = order('good');
    const orphan = next(order('never-inserted'), { status: 'submitted' });
    const broken = { ...orderEvent(good, 'request'), status: 'x'.repeat(10) as never, at: 'not a time' };
    await expect(
      commitOrderWrites(database.db, [{ kind: 'insert', order: good, event: broken }, changing(orphan)]),
    ).rejects.toThrow();
    expect(await repository.findById(good.id)).toBeUndefined();
  });
});
