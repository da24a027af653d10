import type { VenueSecretContext } from '../port/broker-venue.js';
import { looksLikePlaceholder } from '../port/placeholder-secret.js';
import { readSecretVariable } from '../port/read-secret-variable.js';
import { VenueOptionsError } from '../port/venue-options-error.js';
import type { BybitOptions } from './bybit-options.js';

/**
 * The options with the key and secret read from the environment variables they name, once, at config
 * load: a variable that is missing stops start-up naming it. The values stay in the typed config, never
 * logged. In production a key or secret that looks like a placeholder is refused.
 */
export function resolveBybitSecrets(options: BybitOptions, context: VenueSecretContext): BybitOptions {
  const apiKey =
    options.apiKeyEnv === undefined
      ? options.apiKey
      : readSecretVariable(context, 'apiKeyEnv', options.apiKeyEnv);
  const apiSecret =
    options.apiSecretEnv === undefined
      ? options.apiSecret
      : readSecretVariable(context, 'apiSecretEnv', options.apiSecretEnv);
  if (context.production && looksLikePlaceholder(`${apiKey ?? ''} ${apiSecret ?? ''}`))
    throw new VenueOptionsError('', 'the API key or secret looks like a placeholder');
  return { ...options, apiKey, apiSecret };
}
