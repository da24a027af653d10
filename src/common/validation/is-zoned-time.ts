import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A date, or a time with its zone: a time without one would mean whatever the server's zone is. */
const ZONED = /^\d{4}-\d{2}-\d{2}$|(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** A UTC ISO 8601 time ending in Z or an offset, or a plain date. */
export function IsZonedTime(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }),
    Matches(ZONED, { message: '$property must be a UTC ISO 8601 time (ending in Z or an offset) or a date' }),
  );
}
