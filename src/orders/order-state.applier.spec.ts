import { sql } from 'drizzle-orm';
import { Subject } from 'rxjs';
import type { BrokerEvent, BrokerOrder } from '#brokers';
import type { AccountRegistry } from '../broker/account-registry.js';
import { openDatabase, type OpenDatabase } from '../persistence/open-database.js';
import { DrizzleOrderRepository } from './drizzle-order.repository.js';
import { OrderChanges } from './order-changes.js';
import type { OrderRecord } from './order-record.js';
import { orderEvent } from './order-records.js';
import { OrderStateApplier } from './order-state.applier.js';
import { restingOrderRecord } from './testing/resting-order-record.js';

describe('OrderStateApplier', () => {
  let database: OpenDatabase;
  let repository: DrizzleOrderRepository;
  let applier: OrderStateApplier;
  let events: Subject<BrokerEvent>;
  let placed: OrderRecord;

  const emit = (fields: Partial<BrokerOrder>): void =>
    events.next({
      type: 'order',
      account: 'paper',
      order: {
        brokerOrderId: 'B-1',
        clientOrderId: placed.clientOrderId,
        symbol: placed.symbol,
        side: 'buy',
        type: 'limit',
        timeInForce: 'gtc',
        quantity: placed.quantity,
        filledQuantity: '0',
        averageFillPrice: null,
        price: placed.price,
        stopPrice: null,
        status: 'submitted',
        role: 'entry',
        parentOrderId: null,
        rejectReason: null,
        createdAt: placed.createdAt,
        updatedAt: placed.createdAt,
        ...fields,
      },
    });

  beforeAll(async () => {
    database = await openDatabase({ dataDir: '', inMemory: true });
    repository = new DrizzleOrderRepository(database.db);
  });
  afterAll(() => database.close());

  beforeEach(async () => {
    await database.db.execute(sql`truncate orders, order_events`);
    events = new Subject<BrokerEvent>();
    applier = new OrderStateApplier({ events } as unknown as AccountRegistry, repository, new OrderChanges());
    applier.onModuleInit();
    placed = restingOrderRecord('c-1');
    await repository.insertIfAbsent(placed, orderEvent(placed, 'request'));
    applier.remember(placed);
    emit({ status: 'submitted' });
    await applier.settled();
  });
  afterEach(() => applier.onModuleDestroy());

  it('never regresses a filled order when a late submitted or partial fill arrives', async () => {
    emit({ status: 'filled', filledQuantity: '0.5', averageFillPrice: '100' });
    emit({ status: 'submitted', filledQuantity: '0' });
    emit({ status: 'partially_filled', filledQuantity: '0.2' });
    await applier.settled();
    expect(await repository.findById(placed.id)).toEqual(
      expect.objectContaining({ status: 'filled', filledQuantity: '0.5', averageFillPrice: '100' }),
    );
  });

  it('re-reads an order another process moved meanwhile, never writing over it from a stale view', async () => {
    // Another replica applied a partial fill: the row is one revision ahead of this process's view.
    await database.db.execute(
      sql`update orders set status = 'partially_filled', filled_quantity = 0.1, revision = revision + 1 where id = ${placed.id}`,
    );
    emit({ status: 'partially_filled', filledQuantity: '0.3' });
    await applier.settled();
    expect(await repository.findById(placed.id)).toEqual(
      expect.objectContaining({ status: 'partially_filled', filledQuantity: '0.3', revision: 3 }),
    );
    // Judged again on the row as the other process left it: one event for this change, none lost or doubled.
    expect(
      (await repository.eventsOf(placed.id)).map((event) => [event.status, event.filledQuantity]),
    ).toEqual([
      ['new', '0'],
      ['submitted', '0'],
      ['partially_filled', '0.3'],
    ]);
    // The view follows the store again: the next change applies at once.
    emit({ status: 'filled', filledQuantity: '0.5' });
    await applier.settled();
    expect((await repository.findById(placed.id))?.status).toBe('filled');
  });
});
