import type { OrderSendResult } from '#brokers/mt5/bridge/bridge-commands.js';
import { Mt5BridgeRefusedError } from './bridge/mt5-dial-retry.js';
import { Mt5TerminalSimulator } from './mt5-terminal-simulator.js';
import { Mt5BridgeKit } from './testing/mt5-bridge-kit.js';
import {
  openTerminal,
  SUMMER_WEDNESDAY,
  WINTER_WEDNESDAY,
  type Mt5SpecSetup,
} from './testing/mt5-spec-setup.js';

describe('Mt5TerminalSimulator bridge session', () => {
  let setup: Mt5SpecSetup;
  afterEach(async () => setup?.close());

  it('dials in and says hello with the account and the server offset, then is welcomed', async () => {
    setup = await openTerminal();
    expect(setup.kit.hellos).toEqual([
      {
        type: 'hello',
        protocol: 1,
        token: 'bridge-token',
        build: 4410,
        login: '5012345',
        server: 'Edgerunner-Sim',
        company: 'Edgerunner Simulated Markets Ltd.',
        currency: 'USD',
        marginMode: 'hedging',
        tradeAllowed: true,
        serverOffsetSeconds: 7200,
      },
    ]);
    expect(setup.terminal.login).toBe('5012345');
    expect(setup.kit.connected).toBe(true);
  });

  it('reports GMT+3 in hello during US daylight saving', async () => {
    setup = await openTerminal({ clock: () => SUMMER_WEDNESDAY });
    expect(setup.kit.hellos[0]?.serverOffsetSeconds).toBe(10_800);
  });

  it('rejects connect() with the refusal reason when the token is wrong', async () => {
    const kit = await Mt5BridgeKit.listen('right');
    const terminal = new Mt5TerminalSimulator({ clock: () => WINTER_WEDNESDAY, historyMinutes: 10 });
    try {
      await expect(terminal.connect(kit.target('wrong'))).rejects.toThrow('wrong token');
      expect(kit.connected).toBe(false);
    } finally {
      await terminal.stop();
      await kit.close();
    }
  });

  it('dials again until Edgerunner listens (connectWhenListening), but not after a refusal', async () => {
    const probe = await Mt5BridgeKit.listen();
    const port = probe.port;
    await probe.close();
    const terminal = new Mt5TerminalSimulator({ clock: () => WINTER_WEDNESDAY, historyMinutes: 10 });
    let late: Mt5BridgeKit | undefined;
    try {
      const dialled = terminal.connectWhenListening(
        { host: '127.0.0.1', port, token: 'bridge-token' },
        5_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      late = await Mt5BridgeKit.listenOn(port);
      await dialled;
      expect(late.hellos).toHaveLength(1);
      const refusing = await Mt5BridgeKit.listen('other');
      await expect(terminal.connectWhenListening(refusing.target('wrong'), 5_000)).rejects.toThrow(
        Mt5BridgeRefusedError,
      );
      // A refusal is final: the terminal said hello once and did not dial again.
      expect(refusing.hellos).toHaveLength(1);
      await refusing.close();
    } finally {
      await terminal.stop();
      await late?.close();
    }
  });

  it('pings every interval and answers a ping with the same at', async () => {
    setup = await openTerminal({ heartbeatIntervalMs: 40 });
    await setup.kit.until(() => setup.kit.pings.length >= 2);
    setup.kit.sendRaw(JSON.stringify({ type: 'ping', at: 1234 }));
    await setup.kit.until(() => setup.kit.pongs.includes(1234));
  });

  it('drops the connection after 3 silent heartbeat intervals', async () => {
    setup = await openTerminal({ heartbeatIntervalMs: 30 });
    const pingsBefore = setup.kit.pings.length;
    const mutedAt = Date.now();
    setup.kit.muted = true;
    await setup.kit.until(() => !setup.kit.connected);
    // It kept pinging while it waited, and waited about 3 intervals (the last pong came just before).
    expect(setup.kit.pings.length - pingsBefore).toBeGreaterThanOrEqual(2);
    expect(Date.now() - mutedAt).toBeGreaterThanOrEqual(55);
  });

  it('drops the connection on a line that is not JSON', async () => {
    setup = await openTerminal();
    setup.kit.sendRaw('not json');
    await setup.kit.until(() => !setup.kit.connected);
    await setup.terminal.reconnect();
    expect(setup.kit.connected).toBe(true);
  });

  it('answers an unknown command and unreadable params with 4014 and records every request', async () => {
    setup = await openTerminal();
    const unknown = await setup.kit.request('chart_screenshot', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 4014 } });
    const badParams = await setup.kit.request('symbol_info', { symbol: 42 });
    expect(badParams).toMatchObject({ ok: false, error: { code: 4014 } });
    const noParams = await setup.kit.request('account_info', 'none');
    expect(noParams).toMatchObject({ ok: false, error: { code: 4014 } });
    expect(setup.terminal.received.map((r) => [r.id, r.command])).toEqual([
      ['1', 'chart_screenshot'],
      ['2', 'symbol_info'],
      ['3', 'account_info'],
    ]);
    expect(setup.kit.connected).toBe(true);
  });

  it('says hello again after reconnect and counts request_id from 1 on the new connection', async () => {
    setup = await openTerminal();
    const buy = { action: 1, symbol: 'EURUSD', type: 0, volume: '0.10', type_filling: 0 };
    expect((await setup.send(buy)).request_id).toBe(1);
    expect((await setup.send(buy)).request_id).toBe(2);
    await setup.terminal.reconnect();
    await setup.kit.until(() => setup.kit.connected);
    expect(setup.kit.hellos).toHaveLength(2);
    const again: OrderSendResult = await setup.send(buy);
    expect(again.request_id).toBe(1);
    expect(setup.terminal.positions()).toHaveLength(3);
  });
});
