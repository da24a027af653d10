import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type { PaperAdapter } from '#brokers';
import { AppModule } from '../../src/app.module.js';
import { AccountRegistry } from '../../src/broker/account-registry.js';
import { OrderStateApplier } from '../../src/orders/order-state.applier.js';
import { configureApp, createFastifyAdapter } from '../../src/configure-app.js';
import { seedEmbeddedDatabase } from './database-template.js';
import { capturedLogsModule, type LogCapture } from './log-capture.js';

export const ADMIN_KEY = 'er_test_admin_key_0123456789abcdef';

export interface TestAppOptions {
  /** Replaces the config file written for the app (accounts, throttle). */
  readonly config?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  /** Runs on this data directory (a restart of an earlier app) and leaves it in place at close. */
  readonly dataDir?: string;
  /** Listens here instead of an ephemeral port: a restarted server that clients reconnect to. */
  readonly port?: number;
  /** Writes the log lines here (at LOG_LEVEL info unless `env` says otherwise) instead of nowhere. */
  readonly logs?: LogCapture;
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly dataDir: string;
  readonly http: TestAgent;
  /** The paper adapter of `account`, to drive its prices (a simulator control, not the API). */
  paper(account?: string): PaperAdapter;
  /**
   * Resolves once every broker update queued so far is stored: a simulator control (a quote that fills an
   * order) reports to the app asynchronously, as a broker does, and the database lets requests in between.
   */
  settle(): Promise<void>;
  /** Creates an API key with `scopes` through the admin API and returns it. */
  createKey(scopes: string[]): Promise<string>;
  close(): Promise<void>;
}

/** A paper account whose clock stands still: prices move only when a test ticks them. */
export function paperAccount(
  name = 'paper',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { name, broker: 'paper', paper: { tickIntervalMs: 0, historyMinutes: 120, seed: 7, ...overrides } };
}

/** The real app (same AppModule and configureApp as main.ts) on an ephemeral port with its own data dir. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'edgerunner-test-')));
  if (!options.dataDir && !options.env?.DATABASE_URL) await seedEmbeddedDatabase(dataDir);
  const configPath = join(dataDir, 'edgerunner.json');
  await writeFile(configPath, JSON.stringify(options.config ?? { accounts: [paperAccount()] }));
  const env = {
    EDGERUNNER_DATA_DIR: dataDir,
    EDGERUNNER_CONFIG: configPath,
    EDGERUNNER_API_KEY: ADMIN_KEY,
    LOG_LEVEL: options.logs ? 'info' : 'silent',
    NODE_ENV: 'test',
    ...options.env,
  };
  const root = AppModule.forRoot(env);
  if (options.logs) root.imports = [...(root.imports ?? []), capturedLogsModule(options.logs)];
  const app = await NestFactory.create<NestFastifyApplication>(root, createFastifyAdapter(), {
    logger: false,
    bufferLogs: true,
    // A start that fails rejects here, for the test to see why, instead of Nest exiting the test process.
    abortOnError: false,
  });
  await configureApp(app);
  // As startServer does: a start-up hook that fails closes the app, letting go of the data dir lock.
  await app.listen(options.port ?? 0, '127.0.0.1').catch(async (error: unknown) => {
    await app.close().catch(() => undefined);
    throw error;
  });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const http = request(url);
  return {
    app,
    url,
    dataDir,
    http,
    paper: (account = 'paper') => app.get(AccountRegistry).resolve(account) as PaperAdapter,
    settle: () => app.get(OrderStateApplier).settled(),
    createKey: async (scopes) => {
      const response = await http
        .post('/keys')
        .set('Authorization', `Bearer ${ADMIN_KEY}`)
        .send({ name: `test-${scopes.join('-')}`, scopes });
      if (response.status !== 201)
        throw new Error(`creating a key failed: ${response.status} ${response.text}`);
      return (response.body as { data: { key: string } }).data.key;
    },
    close: async () => {
      await app.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (key: string): [string, string] => ['Authorization', `Bearer ${key}`];
