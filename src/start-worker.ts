import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module.js';

/**
 * Starts the backtest worker from `environment`: a Nest application context (no HTTP server) that takes
 * jobs until SIGTERM or SIGINT, when it hands the running ones back to the queue and exits.
 */
export async function startWorker(
  environment: Record<string, string | undefined>,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(environment), {
    // A failed start rejects, for worker.ts to say why in one line (see start-server.ts).
    bufferLogs: true,
    abortOnError: false,
    autoFlushLogs: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  return app;
}
