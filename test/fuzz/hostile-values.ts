import fc from 'fast-check';

/** Values a hostile but honest user types: odd strings, odd numbers, odd times, tampered cursors. */

const cursorOf = (at: unknown, id: unknown): string =>
  Buffer.from(JSON.stringify([at, id])).toString('base64url');

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '%',
    '%zz',
    '../../etc/passwd',
    "'; DROP TABLE orders; --",
    '${jndi:ldap://x}',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    'null',
    'undefined',
    '\uD800',
    '🚀',
    'ｂｔｃ',
  ),
  fc.integer({ min: 90, max: 3000 }).map((length) => 'x'.repeat(length)),
);

export const hostileNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0x10',
    '1e3',
    ' 1 ',
    '-1',
    '0',
    '1.5',
    'NaN',
    'Infinity',
    '-0',
    '1_000',
    '٣',
    '9'.repeat(400),
  ),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.integer({ min: 1, max: 400 }).map((digits) => `1e${digits * 1000}`),
);

export const hostileTime: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '20260101T000000Z',
    '2026-01-01T00:00:00,5Z',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '0000-01-01',
    '2026-02-30',
    '2026-01-01T25:00:00Z',
    '2026-01-01T00:00:00',
    '2026-01-01T00:00:00+05',
    'yesterday',
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);

export const tamperedCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(hostileTime, fc.oneof(hostileString, fc.constant('9999999999999999999'), fc.uuid()))
    .map(([at, id]) => cursorOf(at, id)),
  fc.tuple(fc.anything(), fc.anything()).map(([at, id]) => cursorOf(at, id)),
  hostileString,
);

/** Any JSON value, sometimes nested far deeper than a body ever is. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(null, true, -1, 1e308, -1e-308, [], {}),
  fc
    .integer({ min: 33, max: 300 })
    .map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
  hostileString,
  hostileNumberText,
);

/** A value for a query parameter named `name`: mostly hostile, sometimes what the name suggests. */
export function queryValue(name: string): fc.Arbitrary<string> {
  if (name === 'from' || name === 'to') return fc.oneof(hostileTime, hostileString);
  if (name === 'cursor') return tamperedCursor;
  if (name === 'limit') return fc.oneof(hostileNumberText, hostileString);
  return fc.oneof(hostileString, hostileNumberText, fc.constantFrom('paper', 'BTCUSDT', 'buy', 'csv'));
}
