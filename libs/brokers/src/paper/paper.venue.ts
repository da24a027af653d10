import type { BrokerVenue } from '../port/broker-venue.js';
import { createPaperAdapter } from './paper-adapter.factory.js';
import { PaperOptions } from './paper-options.js';

/** The built-in paper broker: `broker: paper`, options under `paper:`, no credentials. */
export const paperVenue: BrokerVenue<PaperOptions, 'paper'> = {
  kind: 'paper',
  label: 'PaperBroker',
  optionsClass: PaperOptions,
  create: createPaperAdapter,
};
