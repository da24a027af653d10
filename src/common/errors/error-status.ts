import { HttpStatus } from '@nestjs/common';
import type { BrokerErrorCode } from '#brokers';
import type { AppErrorCode } from './app-error.js';
import { assertNever } from './assert-never.js';

export function appErrorStatus(code: AppErrorCode): HttpStatus {
  switch (code) {
    case 'validation_failed':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'unprocessable':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    default:
      return assertNever(code);
  }
}

/**
 * Broker refusals the caller can act on are 422; an unreachable broker is 503; a broker that refuses our
 * own credentials is 502 (nothing the caller can fix).
 */
export function brokerErrorStatus(code: BrokerErrorCode): HttpStatus {
  switch (code) {
    case 'rejected':
    case 'insufficient_funds':
    case 'invalid_order':
    case 'unknown_symbol':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'order_not_found':
      return HttpStatus.NOT_FOUND;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'connection':
    case 'timeout':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'authentication':
      return HttpStatus.BAD_GATEWAY;
    default:
      return assertNever(code);
  }
}
