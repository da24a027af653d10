import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

interface Envelope<T> {
  status: string;
  data: T;
  message: string;
}
interface KillSwitchBody {
  enabled: boolean;
  reason: string | null;
  changedBy: string | null;
  changedAt: string | null;
}
interface RiskBody {
  account: string;
  killSwitch: KillSwitchBody;
  allowedSymbols: { limit: string[] | null };
  maxOrderQuantity: { limit: string | null };
  maxOrderNotional: { limit: string | null };
  maxPositionQuantity: {
    limit: Record<string, string> | null;
    positions: { symbol: string; quantity: string; limit: string | null }[];
  };
  maxOpenOrders: { limit: number | null; current: number };
  dailyLossLimit: {
    limit: string | null;
    day: string;
    startEquity: string;
    equity: string;
    pnl: string;
    tripped: boolean;
  };
}
interface KillSwitchResult {
  account: string;
  killSwitch: KillSwitchBody;
  cancellation: { cancelled: number; alreadyClosed: number; failed: unknown[] } | null;
}

const RISK = {
  allowedSymbols: ['BTCUSDT', 'ETHUSDT'],
  maxOrderQuantity: '2',
  maxOrderNotional: 150000,
  maxPositionQuantity: { BTCUSDT: '1', '*': '10' },
  maxOpenOrders: 5,
  dailyLossLimit: '1000',
};
const CONFIG = { accounts: [{ ...paperAccount('paper'), risk: RISK }] };

describe('Risk limits and the kill switch over HTTP', () => {
  let dataDir: string;
  let t: TestApp;

  beforeAll(async () => {
    // Our own data directory, so that the same database can be opened again by a "restarted" app.
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-risk-'));
    t = await startTestApp({ config: CONFIG, dataDir });
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const getRisk = async (key = ADMIN_KEY): Promise<RiskBody> => {
    const response = await t.http.get('/risk?account=paper').set(...bearer(key));
    expect(response.status).toBe(200);
    return (response.body as Envelope<RiskBody>).data;
  };
  const killSwitch = (body: Record<string, unknown>, key = ADMIN_KEY) =>
    t.http
      .post('/risk/kill-switch')
      .set(...bearer(key))
      .send(body);
  const rest = (side: 'buy' | 'sell', price: string, id: string) =>
    t.paper().placeOrder({
      clientOrderId: id,
      symbol: 'BTCUSDT',
      side,
      type: 'limit',
      quantity: '0.01',
      price,
      timeInForce: 'gtc',
    });

  it('shows each limit beside its usage: open orders, positions, today’s PnL, the kill switch', async () => {
    t.paper().setQuote('BTCUSDT', '64999.9', '65000.1');
    await t.paper().placeOrder({
      clientOrderId: 'risk-e2e-long',
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'market',
      quantity: '0.5',
      timeInForce: 'gtc',
    });
    await rest('buy', '60000', 'risk-e2e-rest-1');

    const risk = await getRisk();
    expect(risk).toEqual(
      expect.objectContaining({
        account: 'paper',
        killSwitch: expect.objectContaining({ enabled: false, changedBy: null }),
        allowedSymbols: { limit: ['BTCUSDT', 'ETHUSDT'] },
        maxOrderQuantity: { limit: '2' },
        maxOrderNotional: { limit: '150000' },
        maxOpenOrders: { limit: 5, current: 1 },
      }),
    );
    expect(risk.maxPositionQuantity).toEqual({
      limit: { BTCUSDT: '1', '*': '10' },
      positions: [{ symbol: 'BTCUSDT', quantity: '0.5', limit: '1' }],
    });
    expect(risk.dailyLossLimit).toEqual(
      expect.objectContaining({ limit: '1000', day: new Date().toISOString().slice(0, 10), tripped: false }),
    );
    expect(Number(risk.dailyLossLimit.pnl)).toBeLessThan(0); // fees and the spread
    expect(Number(risk.dailyLossLimit.startEquity)).toBeGreaterThan(Number(risk.dailyLossLimit.equity));
  });

  it('lets read keys see the limits and only admin keys flip the kill switch', async () => {
    const read = await t.createKey(['read']);
    const trade = await t.createKey(['trade']);
    expect((await getRisk(read)).account).toBe('paper');
    for (const key of [read, trade]) {
      const refused = await killSwitch({ enabled: true }, key);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(
        expect.objectContaining({ status: 'error', message: expect.stringMatching(/admin/) }),
      );
    }
    expect((await getRisk()).killSwitch.enabled).toBe(false);
  });

  it.each([
    [{}, 400, /enabled/],
    [{ enabled: 'yes' }, 400, /enabled/],
    [{ enabled: false, cancelOpenOrders: true }, 400, /cancelOpenOrders only goes with enabled: true/],
    [{ enabled: true, account: 'nope' }, 404, /Unknown account "nope"/],
  ])('refuses %j with %i', async (body, status, message) => {
    const response = await killSwitch(body);
    expect(response.status).toBe(status);
    expect(response.body.message).toMatch(message);
  });

  it('turns the kill switch on, cancelling every resting order at the broker', async () => {
    await rest('buy', '60500', 'risk-e2e-rest-2');
    await rest('sell', '70000', 'risk-e2e-rest-3');
    expect((await t.paper().getOpenOrders()).length).toBe(3);

    const response = await killSwitch({
      account: 'paper',
      enabled: true,
      cancelOpenOrders: true,
      reason: 'drill',
    });
    expect(response.status).toBe(200);
    const result = (response.body as Envelope<KillSwitchResult>).data;
    expect(result).toEqual({
      account: 'paper',
      killSwitch: expect.objectContaining({ enabled: true, reason: 'drill', changedBy: expect.any(String) }),
      cancellation: { cancelled: 3, alreadyClosed: 0, failed: [] },
    });
    expect(await t.paper().getOpenOrders()).toEqual([]);
    expect((await getRisk()).killSwitch).toEqual(result.killSwitch);

    // Each cancel went through the order state machine, recorded with its cause.
    const stored = await t.http.get('/orders?status=cancelled').set(...bearer(ADMIN_KEY));
    const cancelled = (stored.body as Envelope<{ items: { id: string; clientOrderId: string }[] }>).data
      .items;
    expect(cancelled.map((order) => order.clientOrderId).sort()).toEqual(
      expect.arrayContaining(['risk-e2e-rest-2', 'risk-e2e-rest-3']),
    );
    expect(cancelled).toHaveLength(3);
    for (const order of cancelled) {
      const detail = await t.http.get(`/orders/${order.id}`).set(...bearer(ADMIN_KEY));
      const events = (
        detail.body as Envelope<{ events: { source: string; status: string; reason: string }[] }>
      ).data.events;
      expect(events.at(-1)).toEqual(
        expect.objectContaining({
          source: 'kill_switch',
          status: 'cancelled',
          reason: `kill switch by ${result.killSwitch.changedBy}: drill`,
        }),
      );
    }
  });

  it('keeps the kill switch and the day’s baseline across a restart, then turns it off', async () => {
    const before = await getRisk();
    await t.close();
    t = await startTestApp({ config: CONFIG, dataDir });

    const after = await getRisk();
    expect(after.killSwitch).toEqual(before.killSwitch);
    expect(after.killSwitch.enabled).toBe(true);
    expect(after.dailyLossLimit.startEquity).toBe(before.dailyLossLimit.startEquity);

    const off = await killSwitch({ enabled: false });
    expect(off.status).toBe(200);
    expect((off.body as Envelope<KillSwitchResult>).data).toEqual(
      expect.objectContaining({
        killSwitch: expect.objectContaining({ enabled: false }),
        cancellation: null,
      }),
    );
    expect((await getRisk()).killSwitch.enabled).toBe(false);
  });
});
