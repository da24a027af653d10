import type { VenueContext } from '../port/broker-venue.js';
import { BYBIT_DEFAULTS, type BybitConfig } from './bybit-config.js';
import type { BybitOptions } from './bybit-options.js';
import { BybitAdapter } from './bybit.adapter.js';

/** The adapter's config from an account's validated options, its secrets already resolved. */
export function toBybitConfig(options: BybitOptions, account: string): BybitConfig {
  const { apiKey, apiSecret, apiKeyEnv: _keyName, apiSecretEnv: _secretName, ...settings } = options;
  if (!apiKey || !apiSecret) throw new Error(`Bybit account "${account}" has no API key and secret`);
  return { ...BYBIT_DEFAULTS, ...settings, account, apiKey, apiSecret };
}

/** A Bybit account's adapter, logging through the app. */
export function createBybitAdapter(options: BybitOptions, context: VenueContext): BybitAdapter {
  return new BybitAdapter(toBybitConfig(options, context.account), context.log);
}
