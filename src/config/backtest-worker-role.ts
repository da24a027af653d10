import type { ServerConfig } from './configuration.js';
import { ConfigurationError } from './configuration-error.js';
import type { EnvironmentVariables } from './environment.schema.js';

/**
 * EDGERUNNER_BACKTEST_WORKER as a flag. Off is refused without REDIS_URL: jobs would then queue in this
 * process's memory, which no other process can take them from, and they would wait forever.
 */
export function readBacktestWorker(
  env: Pick<EnvironmentVariables, 'EDGERUNNER_BACKTEST_WORKER' | 'REDIS_URL'>,
): boolean {
  const takesJobs = env.EDGERUNNER_BACKTEST_WORKER === 'true';
  if (!takesJobs && env.REDIS_URL === undefined)
    throw new ConfigurationError(
      'EDGERUNNER_BACKTEST_WORKER=false needs REDIS_URL: without Redis backtests queue inside this server, ' +
        'where no worker process can take them, so nothing would ever run them',
    );
  return takesJobs;
}

/**
 * What the backtest worker process (src/worker.ts) needs beyond an API server: the queue it takes jobs
 * from, and a database another process can open at the same time (the embedded one is the API server's
 * alone: its data directory is locked by the server holding it).
 */
export function checkWorkerConfiguration(server: Pick<ServerConfig, 'databaseUrl' | 'redisUrl'>): void {
  if (server.redisUrl === undefined)
    throw new ConfigurationError(
      'REDIS_URL is required: the backtest worker takes its jobs from the Redis queue the API servers fill',
    );
  if (server.databaseUrl === undefined)
    throw new ConfigurationError(
      'DATABASE_URL is required: the backtest worker shares a PostgreSQL database with the API servers; ' +
        'the embedded one in EDGERUNNER_DATA_DIR can be opened by one process only, the API server',
    );
}
