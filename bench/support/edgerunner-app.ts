import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../../src/app.module.js';
import { configureApp, createFastifyAdapter } from '../../src/configure-app.js';

/** The admin key the bench app is seeded with (>= 24 characters, not placeholder-looking). */
export const BENCH_API_KEY = 'er_bench_admin_key_7f3c2a9d41be06';

export interface BenchAppOptions {
  /** Added to the app's environment, over the defaults: e.g. DATABASE_URL or EDGERUNNER_DATA_DIR. */
  readonly env?: Readonly<Record<string, string>>;
  /** Replaces the config file's content (accounts, throttle, stream…). */
  readonly config?: Readonly<Record<string, unknown>>;
}

export interface BenchApp {
  readonly url: string;
  /** The running app, for a bench that measures a reference on its own providers (its database). */
  readonly app: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * The real app, started as test/support/test-app.ts starts it (same AppModule, adapter and configureApp as
 * main.ts) on an ephemeral port with its own data dir: one paper account whose prices stand still, and a
 * /trade throttle far above what the bench sends.
 */
export async function startBenchApp(options: BenchAppOptions = {}): Promise<BenchApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-bench-'));
  try {
    const configPath = join(dataDir, 'edgerunner.json');
    const config = options.config ?? {
      accounts: [
        { name: 'paper', broker: 'paper', paper: { tickIntervalMs: 0, historyMinutes: 60, seed: 7 } },
      ],
      throttle: { trade: { limit: 1_000_000, ttlMs: 1000 } },
    };
    await writeFile(configPath, JSON.stringify(config));
    const env = {
      EDGERUNNER_DATA_DIR: dataDir,
      EDGERUNNER_CONFIG: configPath,
      EDGERUNNER_API_KEY: BENCH_API_KEY,
      LOG_LEVEL: 'silent',
      // 'production' refuses keys that look like placeholders and changes nothing on the measured paths.
      NODE_ENV: 'test',
      ...options.env,
    };
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(env),
      createFastifyAdapter(),
      { logger: false, bufferLogs: true },
    );
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return {
      url,
      app,
      close: async () => {
        await app.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
