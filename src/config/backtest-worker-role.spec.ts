import { checkWorkerConfiguration } from './backtest-worker-role.js';
import { ConfigurationError } from './configuration-error.js';
import { loadConfiguration } from './load-configuration.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const DATABASE_URL = 'postgres://edgerunner@127.0.0.1:5432/edgerunner';

describe('EDGERUNNER_BACKTEST_WORKER', () => {
  it('defaults to on: a single server runs the backtests it queues, with or without Redis', () => {
    expect(loadConfiguration({}).server.backtestWorker).toBe(true);
    expect(loadConfiguration({ REDIS_URL }).server.backtestWorker).toBe(true);
    expect(loadConfiguration({ EDGERUNNER_BACKTEST_WORKER: '' }).server.backtestWorker).toBe(true);
  });

  it('turns off with Redis, where worker processes take the jobs from the queue', () => {
    const server = loadConfiguration({ REDIS_URL, EDGERUNNER_BACKTEST_WORKER: 'false' }).server;
    expect(server.backtestWorker).toBe(false);
  });

  it('refuses off without Redis: nothing could ever take the jobs from an in-process queue', () => {
    expect(() => loadConfiguration({ EDGERUNNER_BACKTEST_WORKER: 'false' })).toThrow(
      new ConfigurationError(
        'EDGERUNNER_BACKTEST_WORKER=false needs REDIS_URL: without Redis backtests queue inside this server, ' +
          'where no worker process can take them, so nothing would ever run them',
      ),
    );
  });

  it.each(['yes', '0', 'FALSE'])('refuses %j, naming the variable and what it takes', (value) => {
    expect(() => loadConfiguration({ REDIS_URL, EDGERUNNER_BACKTEST_WORKER: value })).toThrow(
      /EDGERUNNER_BACKTEST_WORKER must be true or false/,
    );
  });
});

describe('checkWorkerConfiguration', () => {
  it('passes a worker given the shared database and queue', () => {
    expect(() => checkWorkerConfiguration({ databaseUrl: DATABASE_URL, redisUrl: REDIS_URL })).not.toThrow();
  });

  it('refuses a worker without Redis, then without PostgreSQL, naming the variable', () => {
    expect(() => checkWorkerConfiguration({ databaseUrl: DATABASE_URL, redisUrl: undefined })).toThrow(
      /^REDIS_URL is required/,
    );
    expect(() => checkWorkerConfiguration({ databaseUrl: undefined, redisUrl: REDIS_URL })).toThrow(
      /^DATABASE_URL is required: .*embedded one in EDGERUNNER_DATA_DIR can be opened by one process only/,
    );
  });
});
