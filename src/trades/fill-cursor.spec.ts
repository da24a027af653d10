import { ValidationFailedError } from '../common/errors/app-error.js';
import { encodeCursor } from '../common/pagination/cursor.js';
import { decodeFillCursor, fillCursor } from './fill-cursor.js';

describe('fill cursors', () => {
  it('round-trip the position of a fill', () => {
    const position = { executedAt: '2026-01-02T03:04:05.678Z', id: '9007199254740993' };
    expect(decodeFillCursor(fillCursor(position))).toEqual(position);
  });

  it.each([
    ['garbage', 'not base64 JSON'],
    [
      encodeCursor({ at: '2026-01-02T03:04:05.678Z', id: '0b8f8f55-3c0e-4c55-9a55-2f3d7b3f9c11' }),
      'an order cursor',
    ],
    [encodeCursor({ at: 'yesterday', id: '1' }), 'a bad time'],
    [encodeCursor({ at: '20260102T030405Z', id: '1' }), 'a time Date cannot read'],
    [encodeCursor({ at: '+275760-09-13T00:00:00.000Z', id: '1' }), 'a time the database cannot hold'],
    [encodeCursor({ at: '2026-01-02T03:04:05.678Z', id: '9999999999999999999' }), 'an id above bigint'],
    ['A'.repeat(10_000), 'a cursor far longer than any handed out'],
  ])('refuse %s (%s) with a validation error', (cursor) => {
    expect(() => decodeFillCursor(cursor)).toThrow(ValidationFailedError);
  });
});
