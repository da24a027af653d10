import { EventEmitter2 } from '@nestjs/event-emitter';
import { Logger } from '@nestjs/common';
import type { BrokerAdapter, Instrument, OrderRequest } from '#brokers';
import {
  startPaperTestKit,
  T0,
  TEST_INSTRUMENT,
  type PaperTestKit,
} from '#brokers/paper/testing/paper-test-kit.js';
import type { AccountRegistry } from '../broker/account-registry.js';
import type { RiskLimits } from '../config/risk-limits.schema.js';
import { sql } from 'drizzle-orm';
import { openDatabase, type OpenDatabase } from '../persistence/open-database.js';
import { DrizzleRiskStateRepository } from './drizzle-risk-state.repository.js';
import { DailyLossTracker } from './daily-loss.tracker.js';
import { KillSwitchService } from './kill-switch.service.js';
import { KILL_SWITCH_ENGAGED } from './kill-switch-engaged.event.js';
import { cancelOpenOrders } from '../orders/kill-switch/cancel-open-orders.js';
import { RiskRefusedError } from './risk-refused.error.js';
import { RiskService } from './risk.service.js';

const DAY_MS = 86_400_000;
const INSTRUMENT: Instrument = TEST_INSTRUMENT;

let sequence = 0;
const order = (fields: Partial<OrderRequest> = {}): OrderRequest => ({
  clientOrderId: `risk-${++sequence}`,
  symbol: 'TEST',
  side: 'buy',
  type: 'market',
  quantity: '1',
  timeInForce: 'gtc',
  ...fields,
});

/** The rule `check` refused with, or null when it passed. */
async function refusal(check: Promise<void>): Promise<string | null> {
  try {
    await check;
    return null;
  } catch (error) {
    if (error instanceof RiskRefusedError) return error.rule;
    throw error;
  }
}

describe('RiskService on a paper account', () => {
  let database: OpenDatabase;
  // One embedded database for the suite (creating one costs seconds); each test starts from empty tables.
  beforeAll(async () => {
    Logger.overrideLogger(false);
    database = await openDatabase({ dataDir: '', inMemory: true });
  });
  afterAll(() => database.close());
  let kit: PaperTestKit;
  let now: number;
  let limits: RiskLimits;
  let service: () => RiskService;
  let killSwitch: KillSwitchService;

  beforeEach(async () => {
    await database.db.execute(sql`truncate risk_days, risk_kill_switches`);
    kit = await startPaperTestKit({ account: 'paper' });
    now = T0;
    const clock = (): number => now;
    limits = {};
    const repository = new DrizzleRiskStateRepository(database.db);
    const registry = {
      resolveAccount: () => ({
        config: { name: 'paper', broker: 'paper', autoConnect: true, risk: limits },
        adapter: kit.adapter as BrokerAdapter,
      }),
    } as unknown as AccountRegistry;
    // A fresh service each call: like a restart, it knows only what the database kept.
    service = () => new RiskService(registry, repository, new DailyLossTracker(repository, clock), clock);
    // As in the app, the orders module answers the kill switch by cancelling at the broker.
    const events = new EventEmitter2();
    // emitAsync awaits what a listener returns; EventEmitter2's listener type just says void.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    events.on(KILL_SWITCH_ENGAGED, () =>
      kit.adapter.getOpenOrders().then((open) => cancelOpenOrders(kit.adapter, open)),
    );
    killSwitch = new KillSwitchService(registry, repository, clock, events);
  });

  afterEach(async () => {
    await kit.adapter.disconnect();
  });

  const check = (request: OrderRequest): Promise<string | null> =>
    refusal(service().check('paper', request, INSTRUMENT));
  const moveTo = (ms: number): void => {
    now = ms;
    kit.setTime(ms);
  };

  it('passes every order when the account has no limits', async () => {
    expect(await check(order({ quantity: '1000000' }))).toBeNull();
  });

  it('measures a market order at the ask (buy) or the bid (sell), and says so', async () => {
    Object.assign(limits, { maxOrderNotional: '1000' });
    kit.quote('99.99', '100.01');
    expect(await check(order({ quantity: '9' }))).toBeNull();
    await expect(service().check('paper', order({ quantity: '10' }), INSTRUMENT)).rejects.toThrow(
      'max order notional 1000 exceeded: 10 TEST at 100.01 is 1000.1',
    );
    expect(await check(order({ side: 'sell', quantity: '10' }))).toBeNull();
    expect(await check(order({ type: 'limit', price: '100', quantity: '10' }))).toBeNull();
  });

  it('counts the position the broker holds and the orders open at the broker', async () => {
    Object.assign(limits, { maxPositionQuantity: { TEST: '10' }, maxOpenOrders: 2 });
    await kit.place({ side: 'buy', type: 'market', quantity: '8' });
    expect(await check(order({ quantity: '2' }))).toBeNull();
    expect(await check(order({ quantity: '3' }))).toBe('max_position_quantity');
    expect(await check(order({ side: 'sell', quantity: '8' }))).toBeNull();

    await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '90' });
    expect(await check(order({ quantity: '1' }))).toBeNull();
    await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '89' });
    expect(await check(order({ quantity: '1' }))).toBe('max_open_orders');
  });

  it('trips the daily loss limit on a loss, allows only reducing orders, and stays tripped after a recovery', async () => {
    Object.assign(limits, { dailyLossLimit: '50' });
    kit.quote('99.99', '100.01');
    // The first check of the day records its baseline: equity before the trade.
    expect(await check(order({ quantity: '10' }))).toBeNull();
    await kit.place({ side: 'buy', type: 'market', quantity: '10' });

    kit.quote('97.99', '98.01'); // -20 unrealized, -0.5 fee: still within the limit
    expect(await check(order())).toBeNull();

    kit.quote('94.99', '95.01'); // -50.1 unrealized, -0.5 fee: PnL -50.6
    expect(await check(order())).toBe('daily_loss_limit');
    await expect(service().check('paper', order(), INSTRUMENT)).rejects.toThrow(
      /daily loss limit 50 reached on 2024-03-04 \(PnL -50\.6/,
    );
    expect(await check(order({ side: 'sell', quantity: '4' }))).toBeNull();
    expect(await check(order({ side: 'sell', quantity: '11' }))).toBe('daily_loss_limit');

    kit.quote('109.99', '110.01'); // PnL back above zero: the day stays tripped
    expect(await check(order())).toBe('daily_loss_limit');
    expect(await check(order({ side: 'sell', quantity: '10' }))).toBeNull();

    // Next UTC day: a new baseline at the current equity, orders flow again.
    moveTo(T0 + DAY_MS);
    expect(await check(order())).toBeNull();
    kit.quote('104.99', '105.01'); // -50 on the new day's baseline at 110
    expect(await check(order())).toBe('daily_loss_limit');
  });

  it('keeps the first baseline of the day: a later start does not reset it', async () => {
    Object.assign(limits, { dailyLossLimit: '50' });
    await kit.place({ side: 'buy', type: 'market', quantity: '10' });
    kit.quote('99.99', '100.01');
    expect(await check(order())).toBeNull();
    kit.quote('94.99', '95.01');
    moveTo(T0 + 3_600_000); // later the same day, after a "restart": same baseline, so tripped
    expect(await check(order())).toBe('daily_loss_limit');
  });

  it('refuses everything, reducing orders too, while the kill switch is on', async () => {
    await kit.place({ side: 'buy', type: 'market', quantity: '5' });
    await killSwitch.set({
      enabled: true,
      cancelOpenOrders: false,
      reason: 'drill',
      by: { id: 'k1', name: 'ops' },
    });
    await expect(
      service().check('paper', order({ side: 'sell', quantity: '5' }), INSTRUMENT),
    ).rejects.toThrow(
      'kill switch is on since 2024-03-04T10:00:00.000Z by ops: drill; no new orders are accepted',
    );
    await killSwitch.set({ enabled: false, cancelOpenOrders: false, by: { id: 'k1', name: 'ops' } });
    expect(await check(order({ side: 'sell', quantity: '5' }))).toBeNull();
  });

  it('cancels the open orders when the kill switch goes on with cancelOpenOrders', async () => {
    await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '90' });
    await kit.place({ side: 'sell', type: 'limit', quantity: '1', price: '110' });
    await kit.place({
      side: 'buy',
      type: 'limit',
      quantity: '1',
      price: '91',
      takeProfit: '120',
      stopLoss: '80',
    });
    const outcome = await killSwitch.set({ enabled: true, cancelOpenOrders: true, by: undefined });
    expect(outcome.cancellation).toEqual(expect.objectContaining({ cancelled: 3, failed: [] }));
    expect(await kit.adapter.getOpenOrders()).toEqual([]);
    await expect(killSwitch.set({ enabled: false, cancelOpenOrders: true, by: undefined })).rejects.toThrow(
      /cancelOpenOrders only goes with enabled: true/,
    );
  });
});
