import { Injectable } from '@nestjs/common';
import {
  defaultPaperAccountConfig,
  PaperAdapter,
  type PaperAccountConfig,
  type PaperInstrumentConfig,
} from '../../../libs/brokers/src/index.js';
import type { AccountConfig } from '../../config/config-file.schema.js';
import { BrokerAdapterFactory } from './broker-adapter.factory.js';

/** Paper accounts: the built-in defaults, overridden field by field from the account's `paper` options. */
@Injectable()
export class PaperAdapterFactory extends BrokerAdapterFactory {
  readonly kind = 'paper';

  create(account: AccountConfig): PaperAdapter {
    return new PaperAdapter(this.toPaperConfig(account));
  }

  private toPaperConfig(account: AccountConfig): PaperAccountConfig {
    const defaults = defaultPaperAccountConfig();
    const options = account.paper ?? {};
    const instruments: readonly PaperInstrumentConfig[] = options.instruments
      ? options.instruments.map((instrument) => ({ ...instrument }))
      : defaults.instruments;
    return {
      account: account.name,
      currency: options.currency ?? defaults.currency,
      startingCash: options.startingCash ?? defaults.startingCash,
      takerFeeBps: options.takerFeeBps ?? defaults.takerFeeBps,
      makerFeeBps: options.makerFeeBps ?? defaults.makerFeeBps,
      slippageBps: options.slippageBps ?? defaults.slippageBps,
      tickIntervalMs: options.tickIntervalMs ?? defaults.tickIntervalMs,
      seed: options.seed ?? defaults.seed,
      historyMinutes: options.historyMinutes ?? defaults.historyMinutes,
      instruments,
    };
  }
}
