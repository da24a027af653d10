import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyCors from '@fastify/cors';
import { VERSION_NEUTRAL, VersioningType } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { API_VERSION_HEADER, CURRENT_API_VERSION, REQUEST_ID_HEADER } from './common/http/api-version.js';
import { httpCorsOptions, socketCorsOptions } from './common/http/cors-policy.js';
import { answerClientError, answerFrameworkError, MAX_PARAM_LENGTH } from './common/http/framework-errors.js';
import { checkRequestShape } from './common/http/request-shape.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import { requestLogHook } from './common/logging/request-log.hook.js';
import { setupSwagger } from './common/http/swagger.setup.js';
import { RedisIoAdapter } from './common/realtime/redis-io.adapter.js';
import { RootRefusingIoAdapter } from './common/realtime/root-refusing-io.adapter.js';
import type { Configuration } from './config/configuration.js';
import { MetricsService } from './health/metrics/metrics.service.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const BODY_LIMIT_BYTES = 1024 * 1024;

/** The Fastify adapter: each request named by its X-Request-Id (when sane) or a fresh UUID. */
export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      // The request's log line reads `id` from the raw request, so it and the response header agree.
      (request as IncomingMessage & { id?: string }).id = id;
      return id;
    },
  });
}

/** Everything main.ts and the e2e tests share, so tests run the app users run. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  const config = app.get<ConfigService<Configuration, true>>(ConfigService);
  // A request without the header is served the current version; an unknown version finds no route (404).
  app.enableVersioning({
    type: VersioningType.HEADER,
    header: API_VERSION_HEADER,
    defaultVersion: [CURRENT_API_VERSION, VERSION_NEUTRAL],
  });
  // Plugins before any route exists (Swagger's below, the controllers' at init), so every route has them.
  await registerSecurityHeaders(app);
  const { cors } = config.get('http', { infer: true });
  const corsOptions = httpCorsOptions(cors);
  if (corsOptions) await app.register(fastifyCors, corsOptions);
  // A hook rather than an interceptor: it also stamps 404s, malformed JSON and guard refusals.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      void reply.header(API_VERSION_HEADER, CURRENT_API_VERSION).header(REQUEST_ID_HEADER, request.id);
      done(null, payload);
    });
  // Before guards, validators and queries: a NUL or a hostile nesting is a 400, never a 500 or a crash.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', (request, _reply, done) => {
      try {
        checkRequestShape('params', request.params);
        checkRequestShape('query', request.query);
        checkRequestShape('body', request.body);
        done();
      } catch (error) {
        done(error as Error);
      }
    });
  app.getHttpAdapter().getInstance().addHook('onResponse', requestLogHook(PinoLogger.root));
  // Every answered request is timed by its route pattern, so /orders/:id is one series, not one per id.
  const metrics = app.get(MetricsService);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      metrics.observeHttp(
        request.method,
        request.routeOptions.url ?? 'unmatched',
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      done();
    });
  setupSwagger(app);
  // Several API processes share their Socket.IO fan-out through Redis; either way `/` refuses clients.
  const { redisUrl } = config.get('server', { infer: true });
  const socketCors = socketCorsOptions(cors);
  app.useWebSocketAdapter(
    redisUrl ? new RedisIoAdapter(app, redisUrl, socketCors) : new RootRefusingIoAdapter(app, socketCors),
  );
  app.enableShutdownHooks();
}
