import 'reflect-metadata';
import { describeStartFailure, describeStartFailureInDetail } from './describe-start-failure.js';
import { readEnvironment } from './config/read-environment.js';
import { startServer } from './start-server.js';

const DETAILED_LOG_LEVELS = new Set(['debug', 'trace']);
const environment = readEnvironment();

startServer(environment).catch((error: unknown) => {
  process.stderr.write(`Edgerunner cannot start: ${describeStartFailure(error)}\n`);
  if (DETAILED_LOG_LEVELS.has(environment.LOG_LEVEL ?? ''))
    process.stderr.write(`${describeStartFailureInDetail(error)}\n`);
  process.exit(1);
});
