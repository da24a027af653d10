import { ValidationFailedError } from '../errors/app-error.js';
import { checkRequestShape, MAX_JSON_DEPTH } from './request-shape.js';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe('checkRequestShape', () => {
  it('passes ordinary bodies, queries and params', () => {
    expect(() => checkRequestShape('body', { symbol: 'BTCUSDT', legs: [{ price: '1' }] })).not.toThrow();
    expect(() => checkRequestShape('query', { limit: '10' })).not.toThrow();
    expect(() => checkRequestShape('params', undefined)).not.toThrow();
  });

  it('names the field that holds a NUL, in a value or a key', () => {
    expect(() => checkRequestShape('body', { order: { reason: 'a\u0000b' } })).toThrow(
      new ValidationFailedError(
        'body.order.reason contains a NUL character (\\u0000), which is never valid here',
      ),
    );
    expect(() => checkRequestShape('query', { 'sym\u0000': 'x' })).toThrow(/query contains a NUL/);
    expect(() => checkRequestShape('body', ['ok', 'b\u0000'])).toThrow(/body\[1\] contains a NUL/);
  });

  it(`takes ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    expect(() => checkRequestShape('body', nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => checkRequestShape('body', nested(MAX_JSON_DEPTH + 1))).toThrow(/nested deeper than 32/);
  });

  it('walks 20,000 levels without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) as unknown;
    expect(() => checkRequestShape('body', deep)).toThrow(ValidationFailedError);
  });
});
