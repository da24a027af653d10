import type { VenueSecretContext } from '../port/broker-venue.js';
import { looksLikePlaceholder } from '../port/placeholder-secret.js';
import { readSecretVariable } from '../port/read-secret-variable.js';
import { VenueOptionsError } from '../port/venue-options-error.js';
import type { Mt5Options } from './mt5-options.js';

/**
 * The options with the bridge token read from the variable it names, once, at config load; in production
 * a token that looks like a placeholder is refused, since anyone reading the example could dial in.
 */
export function resolveMt5Secrets(options: Mt5Options, context: VenueSecretContext): Mt5Options {
  const token =
    options.tokenEnv === undefined
      ? options.token
      : readSecretVariable(context, 'tokenEnv', options.tokenEnv);
  if (token === undefined || token.length < 16)
    throw new VenueOptionsError(
      options.tokenEnv ? 'tokenEnv' : 'token',
      'the token must be at least 16 characters',
    );
  if (context.production && looksLikePlaceholder(token))
    throw new VenueOptionsError('token', 'the bridge token looks like a placeholder');
  return { ...options, token };
}
