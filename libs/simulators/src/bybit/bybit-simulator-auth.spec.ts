import { createHmac } from 'node:crypto';
import { API_KEY, API_SECRET, type BybitSpecKit, startBybitSpecKit } from './testing/bybit-spec-kit.js';

describe('BybitSimulator REST authentication, through the real bybit-api client', () => {
  let kit: BybitSpecKit;

  beforeEach(async () => {
    kit = await startBybitSpecKit();
  });

  afterEach(async () => {
    await kit.close();
  });

  it('answers public calls unsigned, in the V5 envelope with the server time as a number', async () => {
    const answer = await kit.restWith({}).getServerTime();
    expect(answer.retCode).toBe(0);
    expect(typeof answer.time).toBe('number');
    expect(Math.abs(answer.time - Date.now())).toBeLessThan(2000);
    expect(answer.result.timeSecond).toBe(String(Math.floor(answer.time / 1000)));
  });

  it('accepts a signed call and returns the starting balance', async () => {
    const answer = await kit.rest.getWalletBalance({ accountType: 'UNIFIED' });
    expect(answer.retCode).toBe(0);
    const usdt = answer.result.list[0]?.coin.find((coin) => coin.coin === 'USDT');
    expect(usdt?.walletBalance).toBe('100000');
    expect(answer.result.list[0]?.totalAvailableBalance).toBe('100000');
  });

  it('refuses a wrong secret with 10004 and an unknown key with 10003', async () => {
    const wrongSecret = await kit
      .restWith({ key: API_KEY, secret: 'not-the-secret' })
      .getWalletBalance({ accountType: 'UNIFIED' });
    expect(wrongSecret.retCode).toBe(10004);
    // Real Bybit's wording: the string it verified (timestamp, API key, recv_window, payload) echoed back.
    expect(wrongSecret.retMsg).toMatch(
      new RegExp(`^error sign! origin_string\\[\\d{13}${API_KEY}5000accountType=UNIFIED\\]$`),
    );
    const unknown = await kit
      .restWith({ key: 'nobody', secret: API_SECRET })
      .getWalletBalance({ accountType: 'UNIFIED' });
    expect([unknown.retCode, unknown.retMsg]).toEqual([10003, 'API key is invalid.']);
  });

  it('refuses a timestamp outside the recv_window with 10002, and accepts it once the client syncs its clock', async () => {
    kit.simulator.setClockOffset(10_000);
    const stale = await kit.rest.getWalletBalance({ accountType: 'UNIFIED' });
    expect(stale.retCode).toBe(10002);
    expect(stale.retMsg).toContain('recv_window[5000]');

    // Within the window once recv_window covers the drift; a timestamp ahead of the server by 1 s or more never is.
    const wide = await kit
      .restWith({ key: API_KEY, secret: API_SECRET, recv_window: 20_000 })
      .getWalletBalance({ accountType: 'UNIFIED' });
    expect(wide.retCode).toBe(0);
    kit.simulator.setClockOffset(-2000);
    const ahead = await kit
      .restWith({ key: API_KEY, secret: API_SECRET, recv_window: 20_000 })
      .getWalletBalance({ accountType: 'UNIFIED' });
    expect(ahead.retCode).toBe(10002);

    // bybit-api's own remedy: measure the offset from /v5/market/time before signing.
    kit.simulator.setClockOffset(10_000);
    const synced = kit.restWith({ key: API_KEY, secret: API_SECRET, syncTimeBeforePrivateRequests: true });
    expect((await synced.getWalletBalance({ accountType: 'UNIFIED' })).retCode).toBe(0);
  });

  it('verifies a GET signature over the query exactly as sent, encoded characters included', async () => {
    const answer = await kit.rest.getActiveOrders({
      category: 'linear',
      symbol: 'BTCUSDT',
      orderLinkId: 'a b/c%',
      limit: 5,
    });
    expect(answer.retCode).toBe(0);
    expect(answer.result.list).toEqual([]);

    // Signing the parameters in another order than they are sent is refused, as Bybit refuses it.
    const timestamp = String(Date.now());
    const signedQuery = 'category=linear&symbol=BTCUSDT';
    const sentQuery = 'symbol=BTCUSDT&category=linear';
    const sign = createHmac('sha256', API_SECRET)
      .update(`${timestamp}${API_KEY}5000${signedQuery}`)
      .digest('hex');
    const headers = {
      'X-BAPI-API-KEY': API_KEY,
      'X-BAPI-TIMESTAMP': timestamp,
      'X-BAPI-RECV-WINDOW': '5000',
      'X-BAPI-SIGN': sign,
    };
    const reordered = (await (
      await fetch(`${kit.baseUrl}/v5/order/realtime?${sentQuery}`, { headers })
    ).json()) as { retCode: number };
    expect(reordered.retCode).toBe(10004);
    const exact = (await (
      await fetch(`${kit.baseUrl}/v5/order/realtime?${signedQuery}`, { headers })
    ).json()) as { retCode: number };
    expect(exact.retCode).toBe(0);
  });

  it('verifies a POST signature over the raw body', async () => {
    const timestamp = String(Date.now());
    const body = '{"category":"linear","symbol":"BTCUSDT","orderId":"x"}';
    const sign = createHmac('sha256', API_SECRET).update(`${timestamp}${API_KEY}5000${body}`).digest('hex');
    const headers = {
      'Content-Type': 'application/json',
      'X-BAPI-API-KEY': API_KEY,
      'X-BAPI-TIMESTAMP': timestamp,
      'X-BAPI-RECV-WINDOW': '5000',
      'X-BAPI-SIGN': sign,
    };
    const post = async (sent: string) =>
      (await (
        await fetch(`${kit.baseUrl}/v5/order/cancel`, { method: 'POST', headers, body: sent })
      ).json()) as {
        retCode: number;
      };
    // Same JSON, other bytes (a space): the signature no longer matches.
    expect((await post(body.replace(',', ', '))).retCode).toBe(10004);
    // The signed bytes pass authentication and reach the order book, which knows no such order.
    expect((await post(body)).retCode).toBe(110001);
  });
});
