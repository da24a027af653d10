import { jest } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { PaperAdapter, type PaperAccountConfig } from '#brokers';
import { T0 as PAPER_T0, testPaperConfig } from '../../libs/brokers/src/paper/testing/paper-test-kit.js';
import type { AccountRegistry } from '../broker/account-registry.js';
import { ValidationFailedError } from '../common/errors/app-error.js';
import { openDatabase, type OpenDatabase } from '../persistence/open-database.js';
import { BrokerBarsLoader, MAX_BARS_PER_CALL } from './broker-bars.loader.js';
import { DrizzleCandleRepository } from './drizzle-candle.repository.js';
import { accountSource } from './source-key.js';

const MINUTE = 60_000;
/** The paper clock: its history of 1-minute bars ends here. Long closed by the test's real clock. */
const T0 = PAPER_T0;

function paperConfig(historyMinutes: number): PaperAccountConfig {
  return testPaperConfig({ account: 'paper', takerFeeBps: 0, makerFeeBps: 0, historyMinutes });
}

describe('BrokerBarsLoader', () => {
  let database: OpenDatabase;
  let repository: DrizzleCandleRepository;

  /** A loader over a connected paper account ending at `clockMs`, with its getCandles counted. */
  async function loaderOn(historyMinutes: number, clockMs = T0) {
    const adapter = new PaperAdapter(paperConfig(historyMinutes), () => clockMs);
    await adapter.connect();
    const calls = jest.spyOn(adapter, 'getCandles');
    const registry = { resolve: () => adapter } as unknown as AccountRegistry;
    const loader = new BrokerBarsLoader(registry, repository);
    /** Each call's [from, to] as ISO times. */
    const asked = () => calls.mock.calls.map(([, , from, to]) => [from.toISOString(), to.toISOString()]);
    const load = (fromMs: number, toMs: number, timeframe = '1m') =>
      loader.load({
        kind: 'account',
        account: 'paper',
        symbol: 'TEST',
        timeframe,
        from: new Date(fromMs),
        to: new Date(toMs),
      });
    return { adapter, calls, asked, load };
  }

  const iso = (ms: number) => new Date(ms).toISOString();

  beforeAll(async () => {
    database = await openDatabase({ dataDir: '', inMemory: true });
    repository = new DrizzleCandleRepository(database.db);
  });
  afterAll(() => database.close());
  beforeEach(() => database.db.execute(sql`truncate candles, candle_ranges`));
  afterEach(() => jest.restoreAllMocks());

  it('reads a range loaded once from the database, asking the broker nothing', async () => {
    const paper = await loaderOn(120);
    const first = await paper.load(T0 - 60 * MINUTE, T0);
    expect(first.length).toBe(61);
    expect(first.time[0]).toBe(T0 - 60 * MINUTE);
    expect(paper.calls).toHaveBeenCalledTimes(1);

    const second = await paper.load(T0 - 60 * MINUTE, T0);
    expect(paper.calls).toHaveBeenCalledTimes(1);
    expect(Array.from(second.close)).toEqual(Array.from(first.close));
    expect(Array.from(second.time)).toEqual(Array.from(first.time));
  });

  it('asks the broker only for the parts of a range not asked before', async () => {
    const paper = await loaderOn(120);
    await paper.load(T0 - 60 * MINUTE, T0 - 30 * MINUTE);
    paper.calls.mockClear();

    const wider = await paper.load(T0 - 90 * MINUTE, T0);
    expect(paper.asked()).toEqual([
      [iso(T0 - 90 * MINUTE), iso(T0 - 60 * MINUTE - 1)],
      [iso(T0 - 30 * MINUTE + 1), iso(T0)],
    ]);
    expect(wider.length).toBe(91);
    // The same bars as the broker serves for the whole range: nothing lost or doubled at the seams.
    const direct = await paper.adapter.getCandles('TEST', '1m', new Date(T0 - 90 * MINUTE), new Date(T0));
    expect(Array.from(wider.close)).toEqual(direct.map((candle) => Number(candle.close)));
  });

  it(`pages a long range at most ${MAX_BARS_PER_CALL} bars a call`, async () => {
    const paper = await loaderOn(2500);
    const bars = await paper.load(T0 - 2500 * MINUTE, T0);
    expect(bars.length).toBe(2501);
    expect(paper.calls).toHaveBeenCalledTimes(3);
    for (const [, , from, to] of paper.calls.mock.calls)
      expect((to.getTime() - from.getTime()) / MINUTE).toBeLessThan(MAX_BARS_PER_CALL);
  });

  it('remembers a span the broker has no bars for, so it is not asked again', async () => {
    const paper = await loaderOn(60);
    // Paper history starts an hour before T0: the day before holds nothing.
    const before = await paper.load(T0 - 2 * 1440 * MINUTE, T0 - 1440 * MINUTE, '1h');
    expect(before.length).toBe(0);
    expect(paper.calls).toHaveBeenCalledTimes(1);
    await paper.load(T0 - 2 * 1440 * MINUTE, T0 - 1440 * MINUTE, '1h');
    expect(paper.calls).toHaveBeenCalledTimes(1);
  });

  it('returns the bar still forming but stores only closed ones', async () => {
    const now = T0 + 30_000;
    jest.spyOn(Date, 'now').mockReturnValue(now);
    const paper = await loaderOn(120, now);
    const bars = await paper.load(T0 - 10 * MINUTE, now);
    expect(bars.length).toBe(11);
    expect(bars.time[10]).toBe(T0);

    const stored = await repository.read(
      { source: accountSource('paper'), symbol: 'TEST', timeframe: '1m' },
      { firstMs: T0 - 10 * MINUTE, lastMs: now },
    );
    expect(stored.map((bar) => bar.time).at(-1)).toBe(T0 - MINUTE);
    paper.calls.mockClear();
    // Again: the closed bars from the table, the forming one from the broker.
    expect((await paper.load(T0 - 10 * MINUTE, now)).length).toBe(11);
    expect(paper.asked()).toEqual([[iso(T0), iso(now)]]);
  });

  it('refuses a timeframe the broker does not serve, naming it', async () => {
    const paper = await loaderOn(60);
    await expect(paper.load(T0 - MINUTE, T0, '2h')).rejects.toThrow(
      new ValidationFailedError(
        'timeframe "2h" is not offered by paper; use one of 1m, 5m, 15m, 30m, 1h, 4h, 1d',
      ),
    );
    await expect(paper.load(T0 - MINUTE, T0, '1x')).rejects.toThrow(/timeframe "1x" is not supported/);
    await expect(paper.load(T0, T0 - MINUTE)).rejects.toThrow('from must not be after to');
    expect(paper.calls).not.toHaveBeenCalled();
  });
});
