import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** An uploaded bar file may be large: a million 1-minute bars is about 50 MB of CSV. */
export const CSV_BODY_LIMIT_BYTES = 50 * 1024 * 1024;

/**
 * Lets Fastify read `text/csv` bodies, as text, up to `CSV_BODY_LIMIT_BYTES` (the server's limit for
 * JSON stays 1 MB). Registered by this module rather than configureApp: only its upload route takes
 * CSV, and whatever runs the module (the server, the e2e tests) gets it. A larger file is a 413.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // No HTTP adapter in an application context without a server (a worker, a script).
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    const instance = adapter?.getInstance<FastifyInstance>();
    if (instance === undefined || instance.hasContentTypeParser('text/csv')) return;
    instance.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
  }
}
