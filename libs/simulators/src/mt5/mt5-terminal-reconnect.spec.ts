import type { TradeDeal } from '#brokers/mt5/bridge/bridge-commands.js';
import {
  kinds,
  openTerminal,
  SUMMER_WEDNESDAY,
  WINTER_WEDNESDAY,
  type Mt5SpecSetup,
} from './testing/mt5-spec-setup.js';

const buy = { action: 1, symbol: 'EURUSD', type: 0, volume: '0.10', type_filling: 0 };

describe('Mt5TerminalSimulator time, reconnects and event delivery', () => {
  let setup: Mt5SpecSetup;
  afterEach(async () => setup.close());

  it('stamps a deal with the server clock: UTC + 2 h in January', async () => {
    setup = await openTerminal({ historyMinutes: 60 });
    const result = await setup.send(buy);
    const [deal] = await setup.kit.call<TradeDeal[]>('history_deals_get', { ticket: result.deal });
    expect(deal?.time_msc).toBe(WINTER_WEDNESDAY + 2 * 3_600_000);
    expect(setup.terminal.serverTimeMs()).toBe(WINTER_WEDNESDAY + 2 * 3_600_000);
  });

  it('stamps a deal with UTC + 3 h in July and selects history by server-time range', async () => {
    setup = await openTerminal({ historyMinutes: 60 });
    setup.clock.now = SUMMER_WEDNESDAY;
    const result = await setup.send(buy);
    const serverSeconds = SUMMER_WEDNESDAY / 1000 + 3 * 3600;
    const inRange = await setup.kit.call<TradeDeal[]>('history_deals_get', {
      date_from: serverSeconds - 60,
      date_to: serverSeconds + 60,
    });
    expect(inRange.map((d) => [d.ticket, d.time_msc])).toEqual([[result.deal, serverSeconds * 1000]]);
    // The same window read as UTC seconds misses it: history ranges are server time.
    const utcWindow = await setup.kit.call<TradeDeal[]>('history_deals_get', {
      date_from: SUMMER_WEDNESDAY / 1000 - 60,
      date_to: SUMMER_WEDNESDAY / 1000 + 60,
    });
    expect(utcWindow).toEqual([]);
  });

  it('keeps trading while disconnected: fills and SL made away show in history after reconnect', async () => {
    setup = await openTerminal({ historyMinutes: 60 });
    await setup.terminal.movePrice('EURUSD', '1.10000');
    const limit = await setup.send({
      action: 5,
      symbol: 'EURUSD',
      type: 2,
      volume: '0.10',
      price: '1.09900',
      sl: '1.09500',
      type_filling: 2,
    });
    const before = setup.kit.events.length;
    await setup.terminal.disconnect();
    await setup.kit.until(() => !setup.kit.connected);
    await setup.terminal.movePrice('EURUSD', '1.09890');
    await setup.terminal.movePrice('EURUSD', '1.09400');
    await setup.terminal.reconnect();
    await setup.kit.until(() => setup.kit.connected);
    expect(setup.kit.hellos).toHaveLength(2);
    await setup.kit.sync();
    // The events of that time were never delivered: only history tells.
    expect(setup.kit.events.length).toBe(before);
    const serverNow = Math.floor(setup.terminal.serverTimeMs() / 1000);
    const deals = await setup.kit.call<TradeDeal[]>('history_deals_get', {
      date_from: serverNow - 3600,
      date_to: serverNow + 86400,
    });
    expect(deals.map((d) => [d.order === limit.order, d.entry, d.reason, d.position_id])).toEqual([
      // The account's history opens with the deposit: a balance deal without order or position.
      [false, 0, 0, '0'],
      [true, 0, 3, limit.order],
      [false, 1, 4, limit.order],
    ]);
    expect(await setup.kit.call('positions_get')).toEqual([]);
  });

  it('drops the connection before the response of a request it carried out (dropNextResponse)', async () => {
    setup = await openTerminal({ historyMinutes: 10 });
    setup.terminal.dropNextResponse();
    await expect(setup.kit.request('order_send', buy)).rejects.toThrow('closed before the response');
    expect(setup.kit.connected).toBe(false);
    await setup.terminal.reconnect();
    const positions = await setup.kit.call<{ ticket: string }[]>('positions_get');
    expect(positions).toHaveLength(1);
  });

  it('holds trade_transaction events while busy and releases them in order, REQUEST last', async () => {
    setup = await openTerminal({ historyMinutes: 60 });
    const from = setup.kit.events.length;
    setup.terminal.holdEvents();
    await setup.send(buy);
    expect(setup.kit.transactions(from)).toEqual([]);
    await setup.terminal.releaseEvents();
    const released = await setup.transactionsSince(from);
    expect(released).toHaveLength(5);
    expect(kinds(released).at(-1)).toBe('REQUEST');
  });

  it('varies the order of a market deal’s transactions deterministically from the seed', async () => {
    const orders = async (seed: number): Promise<string[]> => {
      const local = await openTerminal({ seed, historyMinutes: 10 });
      let sequence: string;
      try {
        for (let i = 0; i < 6; i++) await local.send(buy);
        sequence = kinds(local.kit.transactions()).join(',');
      } finally {
        await local.close();
      }
      return sequence
        .split(',REQUEST')
        .map((s) => s.replace(/^,/, ''))
        .filter((s) => s !== '');
    };
    setup = await openTerminal({ historyMinutes: 10 });
    const first = await orders(11);
    expect(await orders(11)).toEqual(first);
    expect(new Set(first)).toEqual(
      new Set(['ORDER_ADD,DEAL_ADD,ORDER_DELETE,HISTORY_ADD', 'ORDER_ADD,ORDER_DELETE,HISTORY_ADD,DEAL_ADD']),
    );
  });

  it('sends no ticks while the market is closed', async () => {
    setup = await openTerminal({ historyMinutes: 10 });
    await setup.kit.call('subscribe_ticks', { symbols: ['EURUSD'] });
    setup.terminal.setMarketOpen('EURUSD', false);
    await setup.terminal.advance(3);
    await setup.kit.sync();
    expect(setup.kit.events.filter((e) => e.event === 'tick')).toEqual([]);
  });
});
