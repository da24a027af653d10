import type { ValidationError } from 'class-validator';
import { ValidationFailedError } from '../errors/app-error.js';

export interface FieldError {
  readonly field: string;
  readonly errors: string[];
}

/** A refusal names this many fields at most: a body of 20,000 unknown keys must not get a 2 MB answer. */
export const MAX_LISTED_FIELDS = 20;

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** ValidationPipe errors become one 400 whose message names the bad fields; `data` lists them. */
export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  const all = flatten(errors);
  const fields = all.slice(0, MAX_LISTED_FIELDS);
  const more = all.length - fields.length;
  const message =
    fields.map((field) => field.errors.join(', ')).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return new ValidationFailedError(`Validation failed: ${message}`, {
    fields,
    ...(more > 0 ? { unlistedFields: more } : {}),
  });
}
