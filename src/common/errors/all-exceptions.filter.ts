import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BrokerError } from '../../../libs/brokers/src/index.js';
import { errorEnvelope, type ApiEnvelope } from '../http/api-envelope.js';
import { AppError } from './app-error.js';
import { appErrorStatus, brokerErrorStatus } from './error-status.js';

interface Mapped {
  readonly status: number;
  readonly body: ApiEnvelope;
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Errors raised by Fastify itself (malformed JSON, body too large) carry a 4xx `statusCode`. */
function isClientFrameworkError(exception: unknown): exception is Error & { statusCode: number } {
  if (!(exception instanceof Error)) return false;
  const statusCode = (exception as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/** The one place errors become HTTP: project errors by code, broker errors with the broker's own code. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const { status, body } = this.map(exception);
    const reply: unknown = host.switchToHttp().getResponse();
    this.adapterHost.httpAdapter.reply(reply, body, status);
  }

  private map(exception: unknown): Mapped {
    if (exception instanceof AppError) {
      return {
        status: appErrorStatus(exception.code),
        body: errorEnvelope(exception.message, exception.details ?? null),
      };
    }
    if (exception instanceof BrokerError) {
      this.logger.warn(
        `${exception.broker} ${exception.code}: ${exception.message} (broker code ${exception.brokerCode ?? '-'})`,
      );
      return {
        status: brokerErrorStatus(exception.code),
        body: errorEnvelope(exception.message, {
          code: exception.code,
          broker: exception.broker,
          brokerCode: exception.brokerCode ?? null,
          brokerMessage: exception.brokerMessage ?? null,
          retryable: exception.retryable,
        }),
      };
    }
    if (exception instanceof HttpException) {
      return { status: exception.getStatus(), body: errorEnvelope(httpExceptionMessage(exception)) };
    }
    if (isClientFrameworkError(exception)) {
      return { status: exception.statusCode, body: errorEnvelope(exception.message) };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: errorEnvelope('Internal server error') };
  }
}
