import type { BrokerAdapter } from '../../../libs/brokers/src/index.js';
import type { AccountConfig, BrokerKind } from '../../config/config-file.schema.js';

/** Builds the adapter of one account of its broker kind. */
export abstract class BrokerAdapterFactory {
  abstract readonly kind: BrokerKind;
  abstract create(account: AccountConfig): BrokerAdapter;
}

/** Multi-provider token: every factory registered with the BrokerModule. */
export const BROKER_ADAPTER_FACTORIES = Symbol('BROKER_ADAPTER_FACTORIES');
