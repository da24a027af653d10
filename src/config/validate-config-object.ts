import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigurationError } from './configuration-error.js';

function describeErrors(errors: ValidationError[], parent: string): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => `${path}: ${text}`);
    return [...own, ...describeErrors(error.children ?? [], path)];
  });
}

export interface ConfigCheckOptions {
  /** Refuse fields the schema does not declare (the default). */
  readonly forbidUnknown?: boolean;
  /** Where `plain` sits in the config, prefixed to each field a problem names: `accounts.0.bybit`. */
  readonly at?: string;
}

/** `plain` as a validated instance of `schema`, and every problem found, each naming its field. */
export function checkConfigObject<T extends object>(
  schema: ClassConstructor<T>,
  plain: unknown,
  { forbidUnknown = true, at = '' }: ConfigCheckOptions = {},
): { readonly instance: T; readonly problems: string[] } {
  const instance = plainToInstance(schema, plain ?? {}, { exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: forbidUnknown });
  return { instance, problems: describeErrors(errors, at) };
}

/** Turns a plain object into a validated instance of `schema`, or throws naming every bad field. */
export function validateConfigObject<T extends object>(
  schema: ClassConstructor<T>,
  plain: unknown,
  source: string,
  options: ConfigCheckOptions = {},
): T {
  const { instance, problems } = checkConfigObject(schema, plain, options);
  if (problems.length > 0) throw new ConfigurationError(`Invalid ${source}: ${problems.join('; ')}`);
  return instance;
}
