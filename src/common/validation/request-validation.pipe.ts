import { ValidationPipe } from '@nestjs/common';
import { validationExceptionFactory } from './validation-exception.factory.js';

/**
 * The one validation of request bodies, queries and stream messages: unknown fields refused, values
 * transformed to their DTO's types, refusals as one 400 naming the fields. HTTP gets it as the global
 * pipe; the gateway needs it on itself, since global pipes do not reach gateways.
 */
export function createRequestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationExceptionFactory,
  });
}
