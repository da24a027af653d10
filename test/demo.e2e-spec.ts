import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO,
  SERVER_START_TIMEOUT_MS,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';

describe('npm run demo', () => {
  let dataDir: string;
  let demo: ServerProcess | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-demo-'));
  });
  afterAll(async () => {
    await demo?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'runs a paper, a Bybit, an IBKR and an MT5 account with no credentials, and trades on every real adapter',
    async () => {
      demo = await startServerProcess(
        { EDGERUNNER_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        SERVER_START_TIMEOUT_MS,
        DEMO,
      );
      const key = /er_[\w-]{20,}/.exec(demo.stdout())?.[0];
      expect(key).toBeDefined();
      const auth = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
      const accounts = (await (await fetch(`${demo.url}/accounts`, { headers: auth })).json()) as {
        data: { name: string; broker: string; status: string }[];
      };
      expect(accounts.data.map(({ name, broker, status }) => [name, broker, status])).toEqual([
        ['paper', 'paper', 'connected'],
        ['bybit', 'bybit', 'connected'],
        ['ibkr', 'ibkr', 'connected'],
        ['mt5', 'mt5', 'connected'],
      ]);
      const placed = await fetch(`${demo.url}/trade`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          account: 'bybit',
          symbol: 'ETHUSDT',
          side: 'buy',
          type: 'market',
          quantity: '0.1',
        }),
      });
      expect(placed.status).toBe(201);
      const atIb = await fetch(`${demo.url}/trade`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ account: 'ibkr', symbol: 'AAPL', side: 'buy', type: 'market', quantity: '5' }),
      });
      expect(atIb.status).toBe(201);
      const atMt5 = await fetch(`${demo.url}/trade`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          account: 'mt5',
          symbol: 'EURUSD',
          side: 'buy',
          type: 'market',
          quantity: '0.1',
        }),
      });
      expect(atMt5.status).toBe(201);
      expect(demo.stdout()).toMatch(/Bybit V5 simulator on http:\/\/127\.0\.0\.1:\d+/);
      expect(demo.stdout()).toMatch(/TWS simulator on 127\.0\.0\.1:\d+/);
      expect(demo.stdout()).toMatch(/MT5 bridge on 127\.0\.0\.1:\d+/);
      // The start may take all of its own allowance on a loaded machine; the requests after it need more.
    },
    SERVER_START_TIMEOUT_MS + 30_000,
  );
});
