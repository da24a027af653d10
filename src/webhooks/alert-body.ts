import { ValidationFailedError } from '../common/errors/app-error.js';
import { checkRequestShape } from '../common/http/request-shape.js';

/**
 * An alert's body as an object. TradingView sends `application/json` when the message is valid JSON and
 * `text/plain` otherwise, so a string is parsed here; the parsed value gets the same NUL and depth checks
 * every JSON body gets before any validator, since an escaped `\u0000` only becomes one now.
 */
export function parseAlertBody(body: unknown): Record<string, unknown> {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      throw new ValidationFailedError('The alert message is not JSON: paste the message template as given', {
        reason: 'bad_payload',
      });
    }
    checkRequestShape('body', value);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationFailedError('The alert message must be a JSON object', { reason: 'bad_payload' });
  }
  return value as Record<string, unknown>;
}
