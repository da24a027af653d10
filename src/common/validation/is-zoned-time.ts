import { applyDecorators } from '@nestjs/common';
import { IsISO8601, ValidateBy } from 'class-validator';

/**
 * A plain date, or a time in ISO 8601's extended form (`2026-01-02T03:04:05.678Z`) with its zone: a time
 * without one would mean whatever the server's zone is. The basic form (`20260102T030405Z`), comma
 * fractions and six-digit years pass ISO 8601 but not `Date`, so only what `Date` reads the same is taken.
 */
const ZONED_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?))?$/i;

/** Times the database and `Date` both hold: nothing a trading record carries lies outside them. */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function isZonedTime(value: unknown): value is string {
  if (typeof value !== 'string' || !ZONED_TIME.test(value)) return false;
  const at = Date.parse(value);
  return at >= EARLIEST && at <= LATEST;
}

/** A UTC ISO 8601 time ending in Z or an offset, or a plain date, from 1970 to the year 9999. */
export function IsZonedTime(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }),
    ValidateBy({
      name: 'isZonedTime',
      validator: {
        validate: isZonedTime,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a UTC ISO 8601 time such as 2026-01-02T03:04:05.000Z (ending in Z or an offset) or a date such as 2026-01-02, from 1970 to 9999`,
      },
    }),
  );
}
