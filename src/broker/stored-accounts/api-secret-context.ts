import type { VenueSecretContext } from '#brokers';

/**
 * How the venues resolve the secrets of an account added over the API: given inline, where they are
 * sealed at rest, never taken from this server's environment (which holds the operator's own secrets).
 */
export function apiSecretContext(production: boolean): VenueSecretContext {
  return {
    environment: {},
    production,
    variablesRefused:
      'accounts added over the API take their secrets inline (stored encrypted), not from environment variables',
  };
}
