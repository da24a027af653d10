import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { dec, isDecimal, toDecimalString } from '../../../libs/brokers/src/index.js';

export interface DecimalValueOptions {
  /** Refuse zero and negatives. */
  readonly positive?: boolean;
}

/**
 * Accepts a decimal as a string or a number and keeps it as a canonical decimal string, so no float
 * ever carries a price or a quantity past validation.
 */
export function IsDecimalValue(
  options: DecimalValueOptions = {},
  validation?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    Transform(({ value }: { value: unknown }) => (isDecimal(value) ? toDecimalString(value) : value))(
      target,
      propertyKey,
    );
    registerDecorator({
      name: 'isDecimalValue',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: validation,
      validator: {
        validate: (value: unknown) => isDecimal(value) && (!options.positive || dec(value).gt(0)),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a ${options.positive ? 'positive ' : ''}decimal number or decimal string`,
      },
    });
  };
}
