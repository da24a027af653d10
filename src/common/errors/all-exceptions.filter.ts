import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { mapException } from './map-exception.js';

/** The one place errors become HTTP responses; the gateway has its own filter over the same mapping. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const { status, body } = mapException(exception, this.logger);
    const reply: unknown = host.switchToHttp().getResponse();
    this.adapterHost.httpAdapter.reply(reply, body, status);
  }
}
