export const APP_ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'unavailable',
  'rate_limited',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * The project's own errors, thrown by services whatever runs them (HTTP, gateway, job); one filter maps
 * them to HTTP. `details` goes out as the envelope's `data`.
 */
export abstract class AppError extends Error {
  abstract readonly code: AppErrorCode;

  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends AppError {
  readonly code = 'validation_failed';
}
export class UnauthenticatedError extends AppError {
  readonly code = 'unauthenticated';
}
export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
}
export class NotFoundError extends AppError {
  readonly code = 'not_found';
}
export class ConflictError extends AppError {
  readonly code = 'conflict';
}
/** Well-formed but refused: an order the instrument or the broker cannot take as asked. */
export class UnprocessableError extends AppError {
  readonly code = 'unprocessable';
}
export class UnavailableError extends AppError {
  readonly code = 'unavailable';
}
/** Too many requests or messages from one caller; `details.retryAfterMs` says when to try again. */
export class RateLimitedError extends AppError {
  readonly code = 'rate_limited';
}
