import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module.js';
import { configureApp, createFastifyAdapter } from '../../src/configure-app.js';

/** The admin key the bench app is seeded with (>= 24 characters, not placeholder-looking). */
export const BENCH_API_KEY = 'er_bench_admin_key_7f3c2a9d41be06';

/** A provider replaced for a bench (in-memory repositories for a storage-disabled reference). */
export interface ProviderOverride {
  readonly provide: abstract new (...args: never[]) => unknown;
  readonly useValue: unknown;
}

export interface BenchAppOptions {
  /** Added to the app's environment, over the defaults: e.g. DATABASE_URL or EDGERUNNER_DATA_DIR. */
  readonly env?: Readonly<Record<string, string>>;
  /** Replaces the config file's content (accounts, throttle, stream…). */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly overrides?: readonly ProviderOverride[];
  /** Runs on the configured app before it listens: hooks that count what it answers. */
  readonly beforeListen?: (app: NestFastifyApplication) => void;
}

export interface BenchApp {
  readonly url: string;
  /** The running app, for a bench that measures a reference on its own providers (its database). */
  readonly app: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * The real app (AppModule, main.ts's adapter and configureApp) on an ephemeral port with its own data dir:
 * by default one paper account whose prices stand still, and a /trade throttle far above what a bench sends.
 */
export async function startBenchApp(options: BenchAppOptions = {}): Promise<BenchApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-bench-'));
  let app: NestFastifyApplication | undefined;
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
    const builder = Test.createTestingModule({ imports: [AppModule.forRoot(env)] });
    for (const { provide, useValue } of options.overrides ?? [])
      builder.overrideProvider(provide).useValue(useValue);
    const moduleRef = await builder.compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
      logger: false,
      bufferLogs: true,
    });
    await configureApp(app);
    options.beforeListen?.(app);
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const running = app;
    return {
      url,
      app,
      close: async () => {
        await running.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
