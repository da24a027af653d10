import { Logger } from '@nestjs/common';
import { BrokerConnectionError, type BrokerAdapter } from '#brokers';
import { startPaperTestKit, T0, type PaperTestKit } from '#brokers/paper/testing/paper-test-kit.js';
import type { AccountRegistry } from '../broker/account-registry.js';
import { openDatabase, type OpenDatabase } from '../persistence/open-database.js';
import { DrizzleRiskStateRepository } from './drizzle-risk-state.repository.js';
import { DailyLossTracker } from './daily-loss.tracker.js';
import { DayStartRecorder } from './day-start.recorder.js';

describe('DayStartRecorder', () => {
  let database: OpenDatabase;
  let kit: PaperTestKit;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(async () => {
    database = await openDatabase({ dataDir: '', inMemory: true });
    kit = await startPaperTestKit({ account: 'limited' });
  });
  afterEach(async () => {
    await kit.adapter.disconnect();
    await database.close();
  });

  it('records the day start of each connected account with a daily loss limit; a broker error stops no other', async () => {
    const repository = new DrizzleRiskStateRepository(database.db);
    const clock = (): number => T0;
    const failing = {
      status: 'connected',
      getAccountSummary: () => Promise.reject(new BrokerConnectionError('gone', { broker: 'x' })),
    } as unknown as BrokerAdapter;
    const account = (name: string, adapter: BrokerAdapter, dailyLossLimit?: string) => ({
      config: {
        name,
        broker: 'paper',
        autoConnect: true,
        risk: dailyLossLimit ? { dailyLossLimit } : undefined,
      },
      adapter,
    });
    const registry = {
      list: () => [
        account('failing', failing, '10'),
        account('limited', kit.adapter, '100'),
        account('unlimited', kit.adapter),
      ],
    } as unknown as AccountRegistry;
    const recorder = new DayStartRecorder(registry, new DailyLossTracker(repository, clock), clock);

    await recorder.recordAll();

    expect(await repository.findDay('limited', '2024-03-04')).toEqual(
      expect.objectContaining({ startEquity: '100000', startedAt: '2024-03-04T10:00:00.000Z' }),
    );
    expect(await repository.findDay('unlimited', '2024-03-04')).toBeUndefined();
    expect(await repository.findDay('failing', '2024-03-04')).toBeUndefined();
  });
});
