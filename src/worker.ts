import 'reflect-metadata';
import { readEnvironment } from './config/read-environment.js';
import { describeStartFailure, describeStartFailureInDetail } from './describe-start-failure.js';
import { startWorker } from './start-worker.js';

const DETAILED_LOG_LEVELS = new Set(['debug', 'trace']);
const environment = readEnvironment();

startWorker(environment).catch((error: unknown) => {
  process.stderr.write(`Edgerunner backtest worker cannot start: ${describeStartFailure(error)}\n`);
  if (DETAILED_LOG_LEVELS.has(environment.LOG_LEVEL ?? ''))
    process.stderr.write(`${describeStartFailureInDetail(error)}\n`);
  process.exit(1);
});
