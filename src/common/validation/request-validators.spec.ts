import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { IsDecimalInteger } from './is-decimal-integer.js';
import { isBoundedDecimal, IsDecimalValue } from '#brokers';
import { IsOmittable } from './is-omittable.js';
import { isZonedTime } from './is-zoned-time.js';
import { MAX_LISTED_FIELDS, validationExceptionFactory } from './validation-exception.factory.js';

class Sample {
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  price?: string;

  @IsOmittable()
  @IsDecimalInteger(1, 1000)
  limit?: number;
}

function errorsOf(plain: Record<string, unknown>): ValidationError[] {
  return validateSync(plainToInstance(Sample, plain));
}

describe('request validators', () => {
  it.each(['2026-01-02', '2026-01-02T03:04:05Z', '2026-01-02T03:04:05.678+05:30', '1970-01-01T00:00:00Z'])(
    'isZonedTime takes %s',
    (value) => expect(isZonedTime(value)).toBe(true),
  );

  it.each([
    '20260102T030405Z',
    '2026-01-02T03:04:05,5Z',
    '2026-01-02T03:04:05',
    '2026-01-02T03:04:05+05',
    '+275760-09-13T00:00:00Z',
    '1969-12-31T23:59:59Z',
    'yesterday',
  ])('isZonedTime refuses %s', (value) => expect(isZonedTime(value)).toBe(false));

  it.each(['0.000000000000000001', '99999999999999999999.999999999999999999', '1e19', 65_000.5, '0'])(
    'isBoundedDecimal takes %s',
    (value) => expect(isBoundedDecimal(value)).toBe(true),
  );

  it.each(['1e20', '1e-19', '1e1000000', `1${'0'.repeat(100_000)}`, 1e300, 'NaN', ''])(
    'isBoundedDecimal refuses %s',
    (value) => expect(isBoundedDecimal(value)).toBe(false),
  );

  it('keeps a bounded decimal as its canonical string', () => {
    expect(plainToInstance(Sample, { price: 65000.5 }).price).toBe('65000.5');
    expect(plainToInstance(Sample, { price: '6.5e4' }).price).toBe('65000');
  });

  it('refuses null for an omittable field, and takes it left out', () => {
    expect(errorsOf({ price: null }).map((error) => error.property)).toEqual(['price']);
    expect(errorsOf({})).toEqual([]);
  });

  it.each(['0x10', '1e3', ' 1 ', '10.5', '0', '1001'])('IsDecimalInteger refuses limit=%s', (limit) => {
    const [error] = errorsOf({ limit });
    expect(Object.values(error?.constraints ?? {})).toEqual([
      'limit must be an integer from 1 to 1000, in decimal digits',
    ]);
  });

  it('IsDecimalInteger reads decimal digits and JSON integers', () => {
    expect(plainToInstance(Sample, { limit: '250' }).limit).toBe(250);
    expect(errorsOf({ limit: 250 })).toEqual([]);
  });

  it(`lists at most ${MAX_LISTED_FIELDS} fields and counts the rest`, () => {
    const errors = Array.from({ length: 500 }, (_, i) => ({
      property: `k${i}`,
      constraints: { whitelist: `property k${i} should not exist` },
      children: [],
    })) as ValidationError[];
    const refusal = validationExceptionFactory(errors);
    expect(refusal.details).toEqual({ fields: expect.any(Array), unlistedFields: 480 });
    expect((refusal.details as { fields: unknown[] }).fields).toHaveLength(MAX_LISTED_FIELDS);
    expect(refusal.message).toMatch(/; and 480 more$/);
  });
});
