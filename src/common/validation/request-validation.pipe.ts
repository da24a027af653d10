import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { validationExceptionFactory } from './validation-exception.factory.js';

function isEmptyPlainObject(value: unknown): value is Record<string, never> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && Object.keys(value).length === 0;
}

function holdsOnlyPrimitives(value: object): boolean {
  return Object.values(value).every((field: unknown) => typeof field !== 'object' || field === null);
}

function copyOf<T extends object>(instance: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(instance) as object) as T, instance);
}

/**
 * ValidationPipe, with one shortcut: an empty query or body (GET /positions, GET /orders) gets, for a
 * given DTO class, the same answer every time, so the first answer is kept and later ones are copies of it.
 * class-validator looks a class's rules up anew on each call, which made an empty query cost more than
 * the read it guards. Only an answer made of primitives is kept (a copy of it cannot share state), and a
 * refusal is never kept: an empty input the DTO refuses goes through the pipe, and is refused, each time.
 */
class RequestValidationPipe extends ValidationPipe {
  private readonly emptyInputAnswers = new WeakMap<object, object>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type } = metadata;
    if (!metatype || (type !== 'query' && type !== 'body') || !isEmptyPlainObject(value))
      return super.transform(value, metadata);
    const known = this.emptyInputAnswers.get(metatype);
    if (known) return copyOf(known);
    const answer: unknown = await super.transform(value, metadata);
    if (typeof answer === 'object' && answer !== null && answer !== value && holdsOnlyPrimitives(answer))
      this.emptyInputAnswers.set(metatype, copyOf(answer));
    return answer;
  }
}

/**
 * The one validation of request bodies, queries and stream messages: unknown fields refused, values
 * transformed to their DTO's types, refusals as one 400 naming the fields. HTTP gets it as the global
 * pipe; the gateway needs it on itself, since global pipes do not reach gateways.
 */
export function createRequestValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationExceptionFactory,
  });
}
