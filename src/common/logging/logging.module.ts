import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { Configuration } from '../../config/configuration.js';
import { LOG_DESTINATION } from './log-destination.js';
import { serializeRequest } from './serialize-request.js';

/** Paths never written to a log line, whatever logs them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  '*.apiKey',
  '*.apiSecret',
  '*.secret',
  '*.password',
  '*.token',
  '*.key',
];

/**
 * Standard output written asynchronously: a request never waits for its log line to reach the pipe (a
 * slow log collector would otherwise stall the order path). What is still in flight is written out
 * synchronously when the process exits.
 */
function asynchronousStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false });
  process.once('exit', () => stream.flushSync());
  return stream;
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: ConfigService<Configuration, true>, destination?: DestinationStream) => {
        const { logLevel, production } = config.get('server', { infer: true });
        const pretty = !production && !destination && process.stdout.isTTY;
        const options: Options = {
          level: logLevel,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          // A key sent as ?token= or ?api_key= is in the url; it is rewritten before any line holds it.
          serializers: { req: serializeRequest },
          transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
        };
        return {
          // No middleware: requests are logged by a Fastify hook (request-log.hook.ts); this module
          // builds the root logger and Nest's LoggerService over it.
          forRoutes: [],
          pinoHttp: pretty ? options : [options, destination ?? asynchronousStdout()],
        };
      },
    }),
  ],
})
export class LoggingModule {}
