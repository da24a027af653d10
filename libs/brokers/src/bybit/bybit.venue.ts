import type { BrokerVenue } from '../port/broker-venue.js';
import { createBybitAdapter } from './bybit-adapter.factory.js';
import { BybitOptions } from './bybit-options.js';
import { resolveBybitSecrets } from './bybit-secrets.js';

/** Bybit V5: `broker: bybit`, options under `bybit:`, key and secret best named by environment variable. */
export const bybitVenue: BrokerVenue<BybitOptions, 'bybit'> = {
  kind: 'bybit',
  label: 'Bybit',
  optionsClass: BybitOptions,
  resolveSecrets: resolveBybitSecrets,
  secretFields: ['apiKey', 'apiSecret'],
  create: createBybitAdapter,
};
