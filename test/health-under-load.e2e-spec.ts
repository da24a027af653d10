import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { DATABASE } from '../src/persistence/database.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

const ORDERS = 200;

/** GET /health is a liveness probe: it answers while the server is busy, and needs nothing but the process. */
describe('GET /health', () => {
  describe('under a flood of orders, on the built server', () => {
    let dataDir: string;
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-health-'));
    });
    afterAll(async () => {
      await server?.stop('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    });

    it(`answers while ${ORDERS} orders are in flight, not after them`, async () => {
      const config = join(dataDir, 'edgerunner.json');
      await writeFile(
        config,
        JSON.stringify({
          accounts: [{ name: 'paper', broker: 'paper', paper: { tickIntervalMs: 0 } }],
          throttle: { trade: { limit: 100_000, ttlMs: 1000 } },
        }),
      );
      server = await startServerProcess({
        EDGERUNNER_DATA_DIR: dataDir,
        EDGERUNNER_CONFIG: config,
        EDGERUNNER_API_KEY: ADMIN_KEY,
        LOG_LEVEL: 'warn',
      });
      const url = server.url;
      let answered = 0;
      const orders = Array.from({ length: ORDERS }, () =>
        fetch(`${url}/trade`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
          // A resting limit order far below the market: each is stored, sent and acknowledged.
          body: JSON.stringify({
            symbol: 'ETHUSDT',
            side: 'buy',
            type: 'limit',
            price: '100',
            quantity: '0.01',
          }),
        }).then((response) => {
          answered += 1;
          return response.status;
        }),
      );
      // Sent behind the flood: the server reads it while the orders are being stored and sent. (Orders are
      // answered a batch at a time, when each group commit lands, so the probe cannot wait for a first one.)
      await new Promise((resolve) => setTimeout(resolve, 20));
      const health = await fetch(`${url}/health`);
      const answeredBeforeHealth = answered;

      expect(health.status).toBe(200);
      expect(await health.json()).toEqual(
        expect.objectContaining({ status: 'success', data: expect.objectContaining({ status: 'ok' }) }),
      );
      expect(await Promise.all(orders)).toEqual(Array.from({ length: ORDERS }, () => 201));
      // Before, PGlite's queue of queries kept the event loop from reading the probe until it had drained:
      // the probe was answered after most of the orders (164 to 200 of them), seconds late.
      expect(answeredBeforeHealth).toBeLessThan(ORDERS / 2);
    }, 60_000);
  });

  describe('with the database stalled', () => {
    let t: TestApp;
    let release: () => void = () => undefined;

    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(async () => {
      release();
      await t.close();
    });

    it('answers at once while a request that needs the database waits', async () => {
      const client = t.app.get<symbol, { $client: PGlite }>(DATABASE).$client;
      // Holding PGlite's query lock stalls every query, as a database that stopped answering would.
      const stalled = new Promise<void>((resolve) => (release = resolve));
      const holding = client._runExclusiveQuery(() => stalled);
      let ordersAnswered = false;
      const orders = t.http
        .get('/orders')
        .set(...bearer(ADMIN_KEY))
        .then((response) => {
          ordersAnswered = true;
          return response.status;
        });

      const health = await t.http.get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual(
        expect.objectContaining({ status: 'success', data: expect.objectContaining({ status: 'ok' }) }),
      );
      expect(ordersAnswered).toBe(false);

      release();
      await holding;
      expect(await orders).toBe(200);
    });
  });
});
