import type { Rate, SymbolInfo, Tick } from '#brokers/mt5/bridge/bridge-commands.js';
import { openTerminal, type Mt5SpecSetup } from './testing/mt5-spec-setup.js';

const SERVER_NOON = Date.UTC(2026, 0, 14, 12, 0, 0) / 1000;

describe('Mt5TerminalSimulator commands', () => {
  let setup: Mt5SpecSetup;
  beforeEach(async () => {
    setup = await openTerminal({ historyMinutes: 600 });
  });
  afterEach(async () => setup.close());

  it('answers account_info with the AccountInfo fields and no margin in use', async () => {
    expect(await setup.kit.call('account_info')).toEqual({
      login: '5012345',
      trade_mode: 0,
      leverage: 100,
      limit_orders: 200,
      margin_mode: 2,
      currency_digits: 2,
      trade_allowed: true,
      trade_expert: true,
      balance: '10000.00',
      credit: '0.00',
      profit: '0.00',
      equity: '10000.00',
      margin: '0.00',
      margin_free: '10000.00',
      margin_level: '0',
      name: 'Edgerunner Tester',
      server: 'Edgerunner-Sim',
      currency: 'USD',
      company: 'Edgerunner Simulated Markets Ltd.',
    });
  });

  it('answers symbol_info with EURUSD properties, a quote on its digits and server time', async () => {
    await setup.terminal.movePrice('EURUSD', '1.10500');
    const info = await setup.kit.call<SymbolInfo>('symbol_info', { symbol: 'EURUSD' });
    expect(info).toEqual({
      name: 'EURUSD',
      description: 'Euro vs US Dollar',
      path: 'Forex\\EURUSD',
      currency_base: 'EUR',
      currency_profit: 'USD',
      currency_margin: 'EUR',
      digits: 5,
      point: '0.00001',
      trade_tick_size: '0.00001',
      trade_contract_size: '100000',
      volume_min: '0.01',
      volume_max: '100',
      volume_step: '0.01',
      trade_stops_level: 10,
      trade_freeze_level: 0,
      trade_mode: 4,
      trade_exemode: 2,
      filling_mode: 3,
      order_mode: 127,
      expiration_mode: 15,
      bid: '1.10500',
      ask: '1.10510',
      time: SERVER_NOON,
    });
  });

  it('answers symbols_get with every Market Watch symbol, XAUUSD on Instant execution', async () => {
    const symbols = await setup.kit.call<SymbolInfo[]>('symbols_get');
    expect(symbols.map((s) => [s.name, s.digits, s.trade_exemode, s.trade_contract_size])).toEqual([
      ['EURUSD', 5, 2, '100000'],
      ['GBPUSD', 5, 2, '100000'],
      ['USDJPY', 3, 2, '100000'],
      ['XAUUSD', 2, 1, '100'],
    ]);
  });

  it('answers symbol_info_tick with server seconds and milliseconds', async () => {
    await setup.terminal.movePrice('USDJPY', '150.250');
    expect(await setup.kit.call<Tick>('symbol_info_tick', { symbol: 'USDJPY' })).toEqual({
      time: SERVER_NOON,
      time_msc: SERVER_NOON * 1000,
      bid: '150.250',
      ask: '150.262',
      last: '0',
      volume: '0',
    });
  });

  it('fails an unknown symbol with 4301', async () => {
    expect(await setup.kit.request('symbol_info', { symbol: 'DOGEUSD' })).toMatchObject({
      ok: false,
      error: { code: 4301 },
    });
    expect(
      await setup.kit.request('order_send', { action: 1, symbol: 'DOGEUSD', type: 0, volume: '1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 4301 },
    });
  });

  it('copies H1 rates in a server-time range, oldest first, on the hour of the server clock', async () => {
    const from = SERVER_NOON - 5 * 3600;
    const rates = await setup.kit.call<Rate[]>('copy_rates_range', {
      symbol: 'EURUSD',
      timeframe: 16385,
      date_from: from,
      date_to: SERVER_NOON,
    });
    expect(rates.map((r) => r.time)).toEqual([0, 1, 2, 3, 4, 5].map((h) => from + h * 3600));
    for (const rate of rates) {
      expect(Object.keys(rate).sort()).toEqual(
        ['close', 'high', 'low', 'open', 'real_volume', 'spread', 'tick_volume', 'time'].sort(),
      );
      expect(rate.open).toMatch(/^\d\.\d{5}$/);
      expect(Number(rate.high)).toBeGreaterThanOrEqual(Number(rate.low));
      expect(rate.spread).toBe(10);
    }
  });

  it('opens D1 bars at server midnight and counts copy_rates_from_pos from the current bar', async () => {
    const bars = await setup.kit.call<Rate[]>('copy_rates_from_pos', {
      symbol: 'EURUSD',
      timeframe: 16408,
      start_pos: 0,
      count: 5,
    });
    // 600 minutes of history back from server 12:00 reach 02:00 of the same server day: one bar.
    // The feed printed at 12:00 already, so position 0 is the 12:00 minute.
    expect(bars.map((b) => b.time)).toEqual([Date.UTC(2026, 0, 14) / 1000]);
    const m1 = await setup.kit.call<Rate[]>('copy_rates_from_pos', {
      symbol: 'EURUSD',
      timeframe: 1,
      start_pos: 1,
      count: 3,
    });
    expect(m1.map((b) => b.time)).toEqual([SERVER_NOON - 180, SERVER_NOON - 120, SERVER_NOON - 60]);
    expect(
      await setup.kit.request('copy_rates_from_pos', {
        symbol: 'EURUSD',
        timeframe: 1,
        start_pos: 5000,
        count: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 4401 } });
  });

  it('fails a value outside ENUM_TIMEFRAMES with ERR_INVALID_PARAMETER 4003', async () => {
    const response = await setup.kit.request('copy_rates_from_pos', {
      symbol: 'EURUSD',
      timeframe: 60,
      start_pos: 0,
      count: 1,
    });
    expect(response).toMatchObject({ ok: false, error: { code: 4003 } });
  });

  it('subscribes ticks, pushes them on advance for subscribed symbols only, and unsubscribes', async () => {
    expect(await setup.kit.call('subscribe_ticks', { symbols: ['EURUSD', 'XAUUSD'] })).toEqual({
      symbols: ['EURUSD', 'XAUUSD'],
    });
    expect(await setup.kit.request('subscribe_ticks', { symbols: ['NOPE'] })).toMatchObject({
      ok: false,
      error: { code: 4301 },
    });
    await setup.terminal.advance();
    await setup.kit.sync();
    const ticks = setup.kit.events.filter((e) => e.event === 'tick').map((e) => e.data);
    expect(ticks.map((t) => t.symbol)).toEqual(['EURUSD', 'XAUUSD']);
    expect(Object.keys(ticks[0]!).sort()).toEqual([
      'ask',
      'bid',
      'last',
      'symbol',
      'time',
      'time_msc',
      'volume',
    ]);
    expect(await setup.kit.call('unsubscribe_ticks', { symbols: ['EURUSD'] })).toEqual({
      symbols: ['XAUUSD'],
    });
  });

  it('runs an installed expert on a new chart and stops it; unknown experts and charts fail', async () => {
    const run = await setup.kit.call<{ chart_id: string; expert: string }>('run_ea', {
      symbol: 'EURUSD',
      timeframe: 16385,
      expert: 'Examples\\MACD Sample',
      inputs: { Lots: 0.1 },
    });
    expect(run.expert).toBe('Examples\\MACD Sample');
    expect(run.chart_id).toMatch(/^\d{18}$/);
    expect(await setup.kit.call('stop_ea', { chart_id: run.chart_id })).toEqual({ chart_id: run.chart_id });
    expect(await setup.kit.request('stop_ea', { chart_id: run.chart_id })).toMatchObject({
      ok: false,
      error: { code: 4103 },
    });
    expect(
      await setup.kit.request('run_ea', { symbol: 'EURUSD', timeframe: 16385, expert: 'NotThere' }),
    ).toMatchObject({ ok: false, error: { code: 4112 } });
  });

  it('moves prices on its own every tickIntervalMs and pushes ticks', async () => {
    const timed = await openTerminal({ historyMinutes: 10, tickIntervalMs: 10 });
    try {
      await timed.kit.call('subscribe_ticks', { symbols: ['GBPUSD'] });
      await timed.kit.until(() => timed.kit.events.filter((e) => e.event === 'tick').length >= 3);
      expect(timed.kit.events.every((e) => e.data.symbol === 'GBPUSD')).toBe(true);
    } finally {
      await timed.close();
    }
  });

  it('has no bars over the weekend: Friday 23:00 is followed by Monday 00:00 server time', async () => {
    // Monday 19 January 2026 01:00 UTC is 03:00 on the server; 4 000 minutes reach back to Friday.
    const monday = await openTerminal({ historyMinutes: 4_000, clock: () => Date.UTC(2026, 0, 19, 1, 0) });
    try {
      const bars = await monday.kit.call<Rate[]>('copy_rates_range', {
        symbol: 'EURUSD',
        timeframe: 16385,
        date_from: Date.UTC(2026, 0, 16, 22) / 1000,
        date_to: Date.UTC(2026, 0, 19, 3) / 1000,
      });
      expect(bars.map((b) => new Date(b.time * 1000).toISOString().slice(5, 13))).toEqual([
        '01-16T22',
        '01-16T23',
        '01-19T00',
        '01-19T01',
        '01-19T02',
        '01-19T03',
      ]);
      const weeks = await monday.kit.call<Rate[]>('copy_rates_from_pos', {
        symbol: 'EURUSD',
        timeframe: 32769,
        start_pos: 0,
        count: 10,
      });
      // W1 bars open on Sunday 00:00 server time, though trading starts on Monday.
      expect(weeks.map((b) => b.time)).toEqual([Date.UTC(2026, 0, 11) / 1000, Date.UTC(2026, 0, 18) / 1000]);
    } finally {
      await monday.close();
    }
  });
});
