import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out. Unlike `IsOptional`, `null` is not "left out": it is validated like any other
 * value and refused by the field's own rules, so a `"takeProfit": null` is a 400 naming the field instead of
 * a null reaching the order path.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
