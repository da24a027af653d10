import type { BrokerVenue } from '../port/broker-venue.js';
import { createIbkrAdapter } from './ibkr-adapter.factory.js';
import { IbkrOptions } from './ibkr-options.js';

/**
 * Interactive Brokers through TWS or IB Gateway: `broker: ibkr`, options under `ibkr:`. No secrets:
 * the TWS login authenticates the user, the adapter only reaches its API port.
 */
export const ibkrVenue: BrokerVenue<IbkrOptions, 'ibkr'> = {
  kind: 'ibkr',
  label: 'Interactive Brokers',
  optionsClass: IbkrOptions,
  create: createIbkrAdapter,
};
