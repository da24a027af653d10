import { Injectable, Logger } from '@nestjs/common';
import { BYBIT_DEFAULTS, BybitAdapter, type BybitConfig } from '../../../libs/brokers/src/index.js';
import type { AccountConfig } from '../../config/config-file.schema.js';
import { BrokerAdapterFactory } from './broker-adapter.factory.js';

/** Bybit accounts, from their validated `bybit` options (secrets already read from the environment). */
@Injectable()
export class BybitAdapterFactory extends BrokerAdapterFactory {
  readonly kind = 'bybit';

  create(account: AccountConfig): BybitAdapter {
    const logger = new Logger(`Bybit:${account.name}`);
    return new BybitAdapter(this.toBybitConfig(account), (level, message) => logger[level](message));
  }

  private toBybitConfig(account: AccountConfig): BybitConfig {
    const options = account.bybit;
    if (!options?.apiKey || !options.apiSecret) {
      throw new Error(`Bybit account "${account.name}" has no API key and secret`);
    }
    return {
      ...BYBIT_DEFAULTS,
      account: account.name,
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      category: options.category,
      testnet: options.testnet,
      demoTrading: options.demoTrading,
      restBaseUrl: options.restBaseUrl,
      wsPrivateUrl: options.wsPrivateUrl,
      wsPublicUrl: options.wsPublicUrl,
      symbols: options.symbols,
      recvWindowMs: options.recvWindowMs,
      requestTimeoutMs: options.requestTimeoutMs,
    };
  }
}
