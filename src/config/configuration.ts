import type { BacktestConfig } from './backtest-config.schema.js';
import type { LogLevel } from './environment.schema.js';
import type { AccountConfig, ThrottleConfig } from './config-file.schema.js';
import type { HttpConfig } from './http-config.schema.js';
import type { StreamConfig, SyncConfig } from './sync-config.schema.js';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the data directory. */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** A PostgreSQL server; unset, the embedded PGlite database in the data directory. */
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /**
   * Whether this process takes backtest jobs from the queue (EDGERUNNER_BACKTEST_WORKER); false only with
   * Redis, where worker processes take them.
   */
  readonly backtestWorker: boolean;
  /** Seeds an admin key; never logged. */
  readonly apiKey: string | undefined;
  /**
   * The secret API key hashes are keyed with (EDGERUNNER_KEY_PEPPER, or the content of
   * EDGERUNNER_KEY_PEPPER_FILE); never logged. Unset: the pepper file in the data directory.
   */
  readonly keyPepper: string | undefined;
  /**
   * The secret broker credentials stored over the API are encrypted under (EDGERUNNER_MASTER_KEY, or the
   * content of EDGERUNNER_MASTER_KEY_FILE); never logged. Unset (not in production): the data directory's
   * key file.
   */
  readonly masterKey: string | undefined;
  readonly production: boolean;
}

/** Everything Edgerunner is configured with, validated once at start-up. */
export interface Configuration {
  readonly server: ServerConfig;
  readonly accounts: readonly AccountConfig[];
  readonly throttle: ThrottleConfig;
  readonly sync: SyncConfig;
  readonly stream: StreamConfig;
  readonly backtest: BacktestConfig;
  readonly http: HttpConfig;
}
