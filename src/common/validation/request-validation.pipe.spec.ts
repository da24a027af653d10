import type { ArgumentMetadata } from '@nestjs/common';
import { IsNumber, IsString } from 'class-validator';
import { ValidationFailedError } from '../errors/app-error.js';
import { IsOmittable } from './is-omittable.js';
import { createRequestValidationPipe } from './request-validation.pipe.js';

class OptionalQuery {
  @IsOmittable()
  @IsString()
  account?: string;

  @IsOmittable()
  @IsNumber()
  limit = 50;
}

class RequiredBody {
  @IsString()
  symbol!: string;
}

const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

describe('the request validation pipe', () => {
  it('answers every empty query with a fresh instance of its class, defaults included', async () => {
    const pipe = createRequestValidationPipe();
    const first = (await pipe.transform({}, query(OptionalQuery))) as OptionalQuery;
    first.limit = 7;
    first.account = 'changed by a handler';
    const second = (await pipe.transform({}, query(OptionalQuery))) as OptionalQuery;
    expect(second).toBeInstanceOf(OptionalQuery);
    expect(second).not.toBe(first);
    expect({ ...second }).toEqual({ limit: 50 });
  });

  it('refuses an empty body missing a required field every time, not only the first', async () => {
    const pipe = createRequestValidationPipe();
    for (let attempt = 0; attempt < 2; attempt++)
      await expect(pipe.transform({}, body(RequiredBody))).rejects.toThrow(ValidationFailedError);
  });

  it('still validates a query that is not empty after an empty one was answered', async () => {
    const pipe = createRequestValidationPipe();
    await pipe.transform({}, query(OptionalQuery));
    await expect(pipe.transform({ account: 'paper' }, query(OptionalQuery))).resolves.toEqual(
      Object.assign(new OptionalQuery(), { account: 'paper' }),
    );
    await expect(pipe.transform({ acount: 'paper' }, query(OptionalQuery))).rejects.toThrow(
      /acount should not exist/,
    );
  });

  it('keeps answers apart per class', async () => {
    const pipe = createRequestValidationPipe();
    await pipe.transform({}, query(OptionalQuery));
    await expect(pipe.transform({}, body(RequiredBody))).rejects.toThrow(ValidationFailedError);
  });
});
