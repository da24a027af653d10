import { sql } from 'drizzle-orm';
import { openDatabase, type OpenDatabase } from '../persistence/open-database.js';
import { DrizzleRiskStateRepository } from './drizzle-risk-state.repository.js';

describe('DrizzleRiskStateRepository', () => {
  let database: OpenDatabase;
  let repository: DrizzleRiskStateRepository;
  const at = (iso: string): Date => new Date(iso);

  // One embedded database for the suite (creating one costs seconds); each test starts from empty tables.
  beforeAll(async () => {
    database = await openDatabase({ dataDir: '', inMemory: true });
    repository = new DrizzleRiskStateRepository(database.db);
  });
  afterAll(() => database.close());
  beforeEach(() => database.db.execute(sql`truncate risk_days, risk_kill_switches`));

  it('reads a kill switch never set as off, and keeps the last one saved', async () => {
    expect(await repository.killSwitch('paper')).toEqual(
      expect.objectContaining({ enabled: false, changedAt: null }),
    );
    const on = {
      enabled: true,
      reason: 'drill',
      changedBy: 'ops',
      changedByKeyId: 'k1',
      changedAt: '2026-01-02T03:04:05.678Z',
    };
    await repository.saveKillSwitch('paper', on);
    expect(await repository.killSwitch('paper')).toEqual(on);
    await repository.saveKillSwitch('paper', { ...on, enabled: false, reason: null });
    expect(await repository.killSwitch('paper')).toEqual({ ...on, enabled: false, reason: null });
    expect((await repository.killSwitch('other')).enabled).toBe(false);
  });

  it('keeps the first baseline of a day and the first trip', async () => {
    const first = await repository.startDay('paper', '2026-01-02', '100000', at('2026-01-02T00:00:01.000Z'));
    const second = await repository.startDay('paper', '2026-01-02', '90000', at('2026-01-02T05:00:00.000Z'));
    expect(second).toEqual(first);
    expect(first).toEqual({
      account: 'paper',
      day: '2026-01-02',
      startEquity: '100000',
      startedAt: '2026-01-02T00:00:01.000Z',
      trippedAt: null,
      trippedPnl: null,
    });

    await repository.tripDay('paper', '2026-01-02', '-1000.5', at('2026-01-02T06:00:00.000Z'));
    const again = await repository.tripDay('paper', '2026-01-02', '-2000', at('2026-01-02T07:00:00.000Z'));
    expect(again).toEqual(
      expect.objectContaining({ trippedAt: '2026-01-02T06:00:00.000Z', trippedPnl: '-1000.5' }),
    );
    expect(await repository.findDay('paper', '2026-01-03')).toBeUndefined();
    expect(await repository.findDay('other', '2026-01-02')).toBeUndefined();
  });
});
