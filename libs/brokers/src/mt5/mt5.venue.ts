import type { BrokerVenue } from '../port/broker-venue.js';
import { createMt5Adapter } from './mt5-adapter.factory.js';
import { Mt5Options } from './mt5-options.js';
import { resolveMt5Secrets } from './mt5-secrets.js';

/**
 * MetaTrader 5 through the bridge Expert Advisor in the user's terminal: `broker: mt5`, options under
 * `mt5:`. The EA dials in to the account's port with the account's token, best named by `tokenEnv`.
 */
export const mt5Venue: BrokerVenue<Mt5Options, 'mt5'> = {
  kind: 'mt5',
  label: 'MetaTrader 5',
  optionsClass: Mt5Options,
  resolveSecrets: resolveMt5Secrets,
  secretFields: ['token'],
  create: createMt5Adapter,
};
