import { Subject } from 'rxjs';
import { type BrokerEvent, BrokerConnectionError } from '#brokers';
import type { AccountRegistry } from '../../broker/account-registry.js';
import type { OrderService } from '../../orders/order.service.js';
import type { StrategyCatalog } from '../catalog/strategy-catalog.js';
import type { LiveRun } from './live-run.js';
import type { LiveRunLauncher } from './live-run-launcher.js';
import type { StrategyRunRecord } from './strategy-run-record.js';
import { StrategyRunEvents } from './strategy-run-events.js';
import type { StrategyRunRepository } from './strategy-run.repository.js';
import { StrategyRunService } from './strategy-run.service.js';

const stored: StrategyRunRecord = {
  id: '6f1c2b1e-0000-4000-8000-000000000001',
  strategy: 'sma-crossover',
  account: 'ibkr',
  symbol: 'AAPL',
  timeframe: '1m',
  parameters: {},
  sizing: { kind: 'fixed', quantity: '1' },
  status: 'running',
  statusReason: null,
  lastBarTime: '2026-12-02T14:05:00.000Z',
  createdAt: '2026-12-02T14:00:00.000Z',
  stoppedAt: null,
};

function harness(failFirst: Error) {
  const events = new Subject<BrokerEvent>();
  const updates: StrategyRunRecord[] = [];
  let attempts = 0;
  const launcher = {
    create: (record: StrategyRunRecord) => {
      attempts += 1;
      if (attempts === 1) return Promise.reject(failFirst);
      return Promise.resolve({
        state: { ...record, status: 'running', statusReason: null },
        detach: () => undefined,
      } as unknown as LiveRun);
    },
    start: () => Promise.resolve(),
  } as unknown as LiveRunLauncher;
  const repository = {
    listActive: () => Promise.resolve([stored]),
    list: () => Promise.resolve([stored]),
    update: (run: StrategyRunRecord) => {
      updates.push(run);
      return Promise.resolve();
    },
    findById: () => Promise.resolve(stored),
  } as unknown as StrategyRunRepository;
  const service = new StrategyRunService(
    { get: () => ({}) } as unknown as StrategyCatalog,
    { events, resolveAccount: () => ({}) } as unknown as AccountRegistry,
    {} as OrderService,
    repository,
    new StrategyRunEvents(),
    launcher,
  );
  return { service, events, updates, attempts: () => attempts };
}

describe('StrategyRunService resuming stored runs', () => {
  it('keeps a run whose account is unreachable at start paused, and launches it when the account connects', async () => {
    const { service, events, updates, attempts } = harness(
      new BrokerConnectionError('connect ECONNREFUSED 127.0.0.1:7497', { broker: 'ibkr' }),
    );
    await service.onApplicationBootstrap();
    expect(updates.at(-1)).toEqual(
      expect.objectContaining({
        status: 'paused',
        statusReason: expect.stringMatching(/waiting for account ibkr: connect ECONNREFUSED/),
      }),
    );
    events.next({ type: 'connection', account: 'other', status: 'connected' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(attempts()).toBe(1);
    events.next({ type: 'connection', account: 'ibkr', status: 'connected' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(attempts()).toBe(2);
    expect((await service.list()).map((run) => run.status)).toEqual(['running']);
    service.onApplicationShutdown();
  });

  it('gives up a run that cannot resume for good, saying why', async () => {
    const { service, updates } = harness(new Error('the strategy threw in init'));
    await service.onApplicationBootstrap();
    expect(updates.at(-1)).toEqual(
      expect.objectContaining({
        status: 'failed',
        statusReason: 'cannot resume: the strategy threw in init',
      }),
    );
    service.onApplicationShutdown();
  });
});
