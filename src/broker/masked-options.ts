import { BROKER_VENUES, indexBrokerVenues } from '#brokers';
import { maskSecret } from '../common/secrets/secret-hint.js';
import type { AccountConfig } from '../config/config-file.schema.js';

const VENUES = indexBrokerVenues(BROKER_VENUES);

/**
 * The account's broker options as an API response may show them: every secret its venue names
 * (`secretFields`) replaced by `****` and its last four characters, so a person can tell which key is in
 * use without it being readable.
 */
export function maskedOptions(config: AccountConfig): Record<string, unknown> {
  const options = (config[config.broker] ?? {}) as Record<string, unknown>;
  const secrets = new Set<string>(VENUES.get(config.broker)?.secretFields ?? []);
  return Object.fromEntries(
    Object.entries(options).map(([field, value]) => [
      field,
      secrets.has(field) && typeof value === 'string' ? maskSecret(value) : value,
    ]),
  );
}
