import { EventEmitter2 } from '@nestjs/event-emitter';
import { jest } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { Subject } from 'rxjs';
import {
  BrokerRateLimitError,
  PAPER_CAPABILITIES,
  type BrokerAdapter,
  type BrokerEvent,
  type BrokerOrder,
  type Instrument,
  type OrderAck,
  type OrderRequest,
} from '#brokers';
import type { AccountRegistry } from '../broker/account-registry.js';
import type { PlaceOrderDto } from './dto/place-order.dto.js';
import { openDatabase, type OpenDatabase } from '../persistence/open-database.js';
import { DrizzleOrderRepository } from './drizzle-order.repository.js';
import { OrderChanges } from './order-changes.js';
import { OrderStateApplier } from './order-state.applier.js';
import { OrderService } from './order.service.js';
import { DegradedAccounts } from './reconciliation/degraded-accounts.js';
import { RiskRefusedError } from '../risk/risk-refused.error.js';
import type { RiskService } from '../risk/risk.service.js';
import { UnprocessableError } from '../common/errors/app-error.js';

const INSTRUMENT: Instrument = {
  symbol: 'BTCUSDT',
  assetClass: 'crypto',
  quoteCurrency: 'USDT',
  tickSize: '0.1',
  lotSize: '0.001',
  minQuantity: '0.001',
};

function brokerOrder(fields: Partial<BrokerOrder>): BrokerOrder {
  return {
    brokerOrderId: 'B-1',
    clientOrderId: 'c-1',
    symbol: 'BTCUSDT',
    side: 'buy',
    type: 'limit',
    timeInForce: 'gtc',
    quantity: '1',
    filledQuantity: '0',
    averageFillPrice: null,
    price: '100',
    stopPrice: null,
    status: 'submitted',
    role: 'entry',
    parentOrderId: null,
    rejectReason: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const order = (fields: Partial<PlaceOrderDto> = {}): PlaceOrderDto =>
  Object.assign(
    {
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'limit',
      quantity: '1',
      price: '100',
      timeInForce: 'gtc',
      clientOrderId: 'c-1',
    },
    fields,
  );

describe('OrderService', () => {
  let events: Subject<BrokerEvent>;
  let placeOrder: jest.Mock<(request: OrderRequest) => Promise<OrderAck>>;
  let database: OpenDatabase;
  let repository: DrizzleOrderRepository;
  let applier: OrderStateApplier;
  let service: OrderService;
  let riskCheck: jest.Mock<() => Promise<void>>;
  let published: { status: string; filledQuantity: string }[];
  const emit = (fields: Partial<BrokerOrder>): void =>
    events.next({ type: 'order', account: 'paper', order: brokerOrder(fields) });
  /** Waits until every queued order change has been applied. */
  const settle = (): Promise<void> => applier.settled();

  beforeAll(async () => {
    database = await openDatabase({ dataDir: '', inMemory: true });
  });
  afterAll(() => database.close());

  beforeEach(async () => {
    await database.db.execute(sql`truncate orders, order_events`);
    events = new Subject<BrokerEvent>();
    placeOrder = jest.fn((request: OrderRequest) =>
      Promise.resolve({
        brokerOrderId: 'B-1',
        clientOrderId: request.clientOrderId,
        status: 'submitted' as const,
        receivedAt: '',
      }),
    );
    const adapter = {
      kind: 'paper',
      account: 'paper',
      capabilities: PAPER_CAPABILITIES,
      placeOrder,
      getInstrument: () => Promise.resolve(INSTRUMENT),
    } as unknown as BrokerAdapter;
    const registry = {
      events,
      connectRefusal: () => undefined,
      resolve: () => adapter,
      resolveAccount: () => ({ config: { name: 'paper' }, adapter }),
    } as unknown as AccountRegistry;
    repository = new DrizzleOrderRepository(database.db);
    const changes = new OrderChanges();
    published = [];
    changes.changes.subscribe(({ status, filledQuantity }) => published.push({ status, filledQuantity }));
    applier = new OrderStateApplier(registry, repository, changes);
    riskCheck = jest.fn(() => Promise.resolve());
    service = new OrderService(
      registry,
      repository,
      applier,
      { check: riskCheck } as unknown as RiskService,
      changes,
      new DegradedAccounts(new EventEmitter2()),
    );
    applier.onModuleInit();
  });
  afterEach(() => applier.onModuleDestroy());

  it('writes the order before the broker sees it', async () => {
    placeOrder.mockImplementationOnce(async (request) => {
      expect(await repository.findByClientOrderId('paper', request.clientOrderId)).toEqual(
        expect.objectContaining({ status: 'new' }),
      );
      return {
        brokerOrderId: 'B-1',
        clientOrderId: request.clientOrderId,
        status: 'submitted',
        receivedAt: '',
      };
    });
    expect((await service.place(order())).status).toBe('submitted');
    expect(placeOrder).toHaveBeenCalledTimes(1);
  });

  it('places one broker order for twenty concurrent requests with one clientOrderId', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => service.place(order())));
    expect(placeOrder).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
  });

  it('publishes each stored change once, in order, and nothing for a refused transition', async () => {
    await service.place(order());
    emit({ status: 'partially_filled', filledQuantity: '0.5' });
    emit({ status: 'filled', filledQuantity: '1', averageFillPrice: '100' });
    emit({ status: 'submitted', filledQuantity: '0' });
    await settle();
    expect(published).toEqual([
      { status: 'new', filledQuantity: '0' },
      { status: 'submitted', filledQuantity: '0' },
      { status: 'partially_filled', filledQuantity: '0.5' },
      { status: 'filled', filledQuantity: '1' },
    ]);
  });

  it('applies fills that race the acknowledgement in broker order', async () => {
    placeOrder.mockImplementationOnce((request) => {
      emit({ status: 'partially_filled', filledQuantity: '0.4', clientOrderId: request.clientOrderId });
      emit({ status: 'filled', filledQuantity: '1', clientOrderId: request.clientOrderId });
      return Promise.resolve({
        brokerOrderId: 'B-1',
        clientOrderId: request.clientOrderId,
        status: 'submitted',
        receivedAt: '',
      });
    });
    const placed = await service.place(order());
    expect(placed).toEqual(
      expect.objectContaining({ status: 'filled', filledQuantity: '1', brokerOrderId: 'B-1' }),
    );
    const history = await service.recentEvents({ limit: 10 });
    expect(history.map((update) => [update.status, update.source])).toEqual([
      ['filled', 'broker'],
      ['partially_filled', 'broker'],
      ['new', 'request'],
    ]);
  });

  it('records a rejection the broker reports later, with its reason', async () => {
    const placed = await service.place(order());
    emit({ status: 'rejected', rejectReason: 'price band' });
    await settle();
    expect(await service.get(placed.id)).toEqual(
      expect.objectContaining({ status: 'rejected', rejectReason: 'price band' }),
    );
    expect((await service.recentEvents({ limit: 1 }))[0]).toEqual(
      expect.objectContaining({ status: 'rejected', reason: 'price band' }),
    );
  });

  it('adopts a bracket child under its entry and follows its size', async () => {
    const entry = await service.place(order({ takeProfit: '110' }));
    emit({
      brokerOrderId: 'B-2',
      clientOrderId: 'c-1-tp',
      role: 'take_profit',
      parentOrderId: 'B-1',
      quantity: '0',
      side: 'sell',
    });
    emit({
      brokerOrderId: 'B-2',
      clientOrderId: 'c-1-tp',
      role: 'take_profit',
      parentOrderId: 'B-1',
      quantity: '1',
      side: 'sell',
    });
    await settle();
    const [latest] = await service.recentEvents({ limit: 1 });
    const child = await service.get(latest?.orderId ?? '');
    expect(child).toEqual(
      expect.objectContaining({
        parentId: entry.id,
        role: 'take_profit',
        quantity: '1',
        status: 'submitted',
      }),
    );
  });

  it('keeps applying callbacks after one fails', async () => {
    const placed = await service.place(order());
    const spy = jest
      .spyOn(repository, 'findByBrokerOrderId')
      .mockRejectedValueOnce(new Error('storage hiccup'));
    emit({ status: 'partially_filled', filledQuantity: '0.5' });
    emit({ status: 'filled', filledQuantity: '1' });
    await settle();
    spy.mockRestore();
    expect((await service.get(placed.id)).status).toBe('filled');
  });

  it('sends a rate-limited order again with the same clientOrderId, once the broker allows', async () => {
    placeOrder.mockRejectedValueOnce(
      new BrokerRateLimitError('rate limit', { broker: 'bybit', brokerCode: '10006', retryAfterMs: 5 }),
    );
    const placed = await service.place(order({ clientOrderId: 'limited' }));
    expect(placed.status).toBe('submitted');
    expect(placeOrder).toHaveBeenCalledTimes(2);
    expect(placeOrder.mock.calls.map(([request]) => request.clientOrderId)).toEqual(['limited', 'limited']);
  });

  it('records an order refused by risk as rejected, with the rule, and never sends it', async () => {
    riskCheck.mockRejectedValueOnce(
      new RiskRefusedError({
        rule: 'max_order_notional',
        limit: '50',
        value: '100',
        message: 'max order notional 50 exceeded',
      }),
    );
    await expect(service.place(order({ clientOrderId: 'too-big' }))).rejects.toThrow(UnprocessableError);
    expect(placeOrder).not.toHaveBeenCalled();
    const stored = await repository.findByClientOrderId('paper', 'too-big');
    expect(stored).toEqual(
      expect.objectContaining({
        status: 'rejected',
        rejectReason: expect.stringMatching(/max_order_notional/),
      }),
    );
    expect(await repository.eventsOf(stored?.id ?? '')).toEqual([
      expect.objectContaining({
        status: 'rejected',
        source: 'risk',
        payload: { rule: 'max_order_notional', limit: '50', value: '100' },
      }),
    ]);
    // A retry gets the same refusal, the first order's: no second order, no second event, never sent.
    await expect(service.place(order({ clientOrderId: 'too-big' }))).rejects.toThrow(
      /max order notional 50 exceeded/,
    );
    expect(await repository.findByClientOrderId('paper', 'too-big')).toEqual(stored);
    expect(await repository.eventsOf(stored?.id ?? '')).toHaveLength(1);
    expect(placeOrder).not.toHaveBeenCalled();
  });
});
