import type { ValidationError } from 'class-validator';
import { ValidationFailedError } from '../errors/app-error.js';

export interface FieldError {
  readonly field: string;
  readonly errors: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** ValidationPipe errors become one 400 whose message names every bad field; `data` lists them. */
export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  const fields = flatten(errors);
  const message = fields.map((field) => field.errors.join(', ')).join('; ');
  return new ValidationFailedError(`Validation failed: ${message}`, { fields });
}
