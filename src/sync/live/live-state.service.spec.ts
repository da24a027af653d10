import { EventEmitter2 } from '@nestjs/event-emitter';
import { DegradedAccounts } from '../../orders/reconciliation/degraded-accounts.js';
import { jest } from '@jest/globals';
import type { ConfigService } from '@nestjs/config';
import { Subject } from 'rxjs';
import type { AccountSummary, BrokerAdapter, BrokerEvent, ConnectionStatus, Position } from '#brokers';
import type { AccountChange, AccountRegistry } from '../../broker/account-registry.js';
import type { Configuration } from '../../config/configuration.js';
import type { EquitySnapshotRepository } from '../equity-snapshot.repository.js';
import { LiveStateService } from './live-state.service.js';
import type { LiveUpdate } from './live-update.js';

const SUMMARY: AccountSummary = {
  account: 'paper',
  currency: 'USD',
  balance: '1000',
  equity: '1000',
  marginUsed: '0',
  marginFree: '1000',
  unrealizedPnl: '0',
  realizedPnl: '0',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('LiveStateService', () => {
  let events: Subject<BrokerEvent>;
  let changes: Subject<AccountChange>;
  let status: ConnectionStatus;
  let getAccountSummary: jest.Mock<() => Promise<AccountSummary>>;
  let service: LiveStateService;
  let updates: LiveUpdate[];
  let held: Position[];

  beforeEach(() => {
    events = new Subject<BrokerEvent>();
    changes = new Subject<AccountChange>();
    status = 'connected';
    held = [];
    getAccountSummary = jest.fn(() => Promise.resolve(SUMMARY));
    const adapter = {
      get status() {
        return status;
      },
      getAccountSummary,
      getPositions: () => Promise.resolve(held),
    } as unknown as BrokerAdapter;
    const registry = {
      events,
      changes,
      list: () => [{ config: { name: 'paper' }, adapter }],
      resolve: () => adapter,
    } as unknown as AccountRegistry;
    const snapshots = { lastBefore: () => Promise.resolve(undefined) } as unknown as EquitySnapshotRepository;
    const config = {
      get: () => ({
        pollIntervalMs: 20,
        pnlIntervalMs: 10,
        equitySnapshotIntervalMs: 1000,
        periodsPerYear: 365,
      }),
    } as unknown as ConfigService<Configuration, true>;
    service = new LiveStateService(registry, snapshots, config, new DegradedAccounts(new EventEmitter2()));
    updates = [];
    service.updates.subscribe((update) => updates.push(update));
  });
  afterEach(() => service.onApplicationShutdown());

  const waitUntil = async (predicate: () => boolean): Promise<void> => {
    for (let attempt = 0; attempt < 200 && !predicate(); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(predicate()).toBe(true);
  };

  it('keeps polling after a failed poll, says why on the account channel, and clears it on success', async () => {
    getAccountSummary.mockRejectedValueOnce(new Error('broker timed out'));
    await service.onApplicationBootstrap();
    expect(service.accountView('paper').lastPollError).toBe('broker timed out');
    await waitUntil(() => service.accountView('paper').summary !== null);
    expect(service.accountView('paper').lastPollError).toBeNull();
    expect(updates.filter((update) => update.channel === 'account').map((u) => u.data.lastPollError)).toEqual(
      expect.arrayContaining(['broker timed out', null]),
    );
  });

  it('follows an account added at run time at once, and forgets one removed', async () => {
    await service.onApplicationBootstrap();
    getAccountSummary.mockClear();
    changes.next({ account: 'desk', change: 'added' });
    await waitUntil(() => service.accountView('desk').summary !== null);
    expect(getAccountSummary).toHaveBeenCalled();
    changes.next({ account: 'desk', change: 'removed' });
    expect(() => service.accountView('desk')).toThrow('No live state for account "desk"');
    const published = updates.filter((update) => update.account === 'desk').length;
    events.next({ type: 'connection', account: 'desk', status: 'connected' });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(updates.filter((update) => update.account === 'desk')).toHaveLength(published);
  });

  it('shows an account whose broker is down as down, and reads it again as soon as it reconnects', async () => {
    status = 'down';
    await service.onApplicationBootstrap();
    expect(service.accountView('paper').status).toBe('down');
    expect(getAccountSummary).not.toHaveBeenCalled();
    status = 'connected';
    events.next({ type: 'connection', account: 'paper', status: 'connected' });
    await waitUntil(() => service.accountView('paper').summary !== null);
    expect(service.accountView('paper').status).toBe('connected');
  });

  it('publishes PnL at most once per interval however fast the quotes come', async () => {
    const position: Position = {
      symbol: 'BTCUSDT',
      side: 'long',
      quantity: '1',
      averagePrice: '100',
      markPrice: '100',
      unrealizedPnl: '0',
      realizedPnl: '0',
      marginUsed: '10',
      updatedAt: SUMMARY.updatedAt,
    };
    held = [position];
    await service.onApplicationBootstrap();
    events.next({ type: 'position', account: 'paper', position });
    for (let price = 101; price <= 150; price += 1) {
      const bid = String(price);
      events.next({
        type: 'tick',
        account: 'paper',
        ticker: { symbol: 'BTCUSDT', bid, ask: bid, last: bid, bidSize: '1', askSize: '1', time: '' },
      });
    }
    await waitUntil(() => service.pnlView('paper')?.unrealizedPnl === '50');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const pnl = updates.filter((update) => update.channel === 'pnl');
    expect(pnl.length).toBeLessThanOrEqual(3);
    expect(pnl[pnl.length - 1]?.data).toEqual(
      expect.objectContaining({ unrealizedPnl: '50', equity: '1050' }),
    );
    expect(updates.filter((update) => update.channel === 'prices')).toHaveLength(50);
  });
});
