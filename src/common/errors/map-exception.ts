import { HttpException, HttpStatus, type Logger } from '@nestjs/common';
import { BrokerError } from '#brokers';
import { errorEnvelope, type ApiEnvelope } from '../http/api-envelope.js';
import { AppError } from './app-error.js';
import { appErrorStatus, brokerErrorStatus } from './error-status.js';

export interface MappedException {
  readonly status: number;
  readonly body: ApiEnvelope;
}

/** Nest's 404 names the request line; its query string may carry a credential (`?access_token=`). */
function withoutQueryString(message: string): string {
  return message.replace(/^(Cannot [A-Z]+ [^?\s]*)\?\S*/, '$1');
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return withoutQueryString(response);
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return withoutQueryString(typeof message === 'string' ? message : exception.message);
}

/** Errors raised by Fastify itself (malformed JSON, body too large) carry a 4xx `statusCode`. */
function isClientFrameworkError(exception: unknown): exception is Error & { statusCode: number } {
  if (!(exception instanceof Error)) return false;
  const statusCode = (exception as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/**
 * The one mapping of errors to a status and an envelope, for HTTP and the gateway alike: project errors by
 * code, broker errors with the broker's own code, anything else a bare 500 that leaks nothing.
 */
export function mapException(exception: unknown, logger: Logger): MappedException {
  if (exception instanceof AppError) {
    return {
      status: appErrorStatus(exception.code),
      body: errorEnvelope(exception.message, exception.details ?? null),
    };
  }
  if (exception instanceof BrokerError) {
    logger.warn(
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
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: errorEnvelope('Internal server error') };
}
