import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/** Plain decimal digits: `0x10`, `1e3` and ` 1 ` are numbers to `Number()`, not to a person. */
const DIGITS = /^\d{1,15}$/;

/**
 * An integer between `min` and `max`, from a query string (decimal digits only) or a JSON number. Anything
 * else stays as sent and is refused with one message naming the field and the range.
 */
export function IsDecimalInteger(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && DIGITS.test(value) ? Number(value) : value,
    ),
    ValidateBy({
      name: 'isDecimalInteger',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an integer from ${min} to ${max}, in decimal digits`,
      },
    }),
  );
}
