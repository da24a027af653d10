import type { VenueSecretContext } from './broker-venue.js';
import { VenueOptionsError } from './venue-options-error.js';

/**
 * The value of the environment variable `variable`, named by the option `field` (`apiKeyEnv`); a variable
 * not set (or empty) is refused naming the field, since the account could not log in without it.
 */
export function readSecretVariable(context: VenueSecretContext, field: string, variable: string): string {
  if (context.variablesRefused) throw new VenueOptionsError(field, context.variablesRefused);
  const value = context.environment[variable];
  if (!value) throw new VenueOptionsError(field, `environment variable ${variable} is not set`);
  return value;
}
