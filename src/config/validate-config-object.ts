import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigurationError } from './configuration-error.js';

function describeErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => `${path}: ${text}`);
    return [...own, ...describeErrors(error.children ?? [], path)];
  });
}

/** Turns a plain object into a validated instance of `schema`, or throws naming every bad field. */
export function validateConfigObject<T extends object>(
  schema: ClassConstructor<T>,
  plain: unknown,
  source: string,
  { forbidUnknown = true }: { forbidUnknown?: boolean } = {},
): T {
  const instance = plainToInstance(schema, plain ?? {}, { exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: forbidUnknown });
  if (errors.length > 0) {
    throw new ConfigurationError(`Invalid ${source}: ${describeErrors(errors).join('; ')}`);
  }
  return instance;
}
