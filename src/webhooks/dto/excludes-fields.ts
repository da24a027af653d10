import { ValidateBy, type ValidationArguments } from 'class-validator';

/** The field, when given, must come without any of `others`: they say the same thing two ways. */
export function ExcludesFields(...others: string[]): PropertyDecorator {
  return ValidateBy({
    name: 'excludesFields',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) =>
        others.every((field) => (args?.object as Record<string, unknown>)[field] === undefined),
      defaultMessage: (args) => `${args?.property ?? 'value'} comes without ${others.join(' and ')}`,
    },
  });
}
