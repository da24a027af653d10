import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  defaultPaperAccountConfig,
  PaperAdapter,
  type PaperAccountConfig,
  type PaperInstrumentConfig,
} from '../../../libs/brokers/src/index.js';
import type { AccountConfig } from '../../config/config-file.schema.js';
import type { Configuration } from '../../config/configuration.js';
import { BrokerAdapterFactory } from './broker-adapter.factory.js';

/** Paper accounts: the built-in defaults, overridden field by field from the account's `paper` options. */
@Injectable()
export class PaperAdapterFactory extends BrokerAdapterFactory {
  readonly kind = 'paper';

  constructor(private readonly config: ConfigService<Configuration, true>) {
    super();
  }

  create(account: AccountConfig): PaperAdapter {
    const logger = new Logger(`PaperBroker:${account.name}`);
    return new PaperAdapter(this.toPaperConfig(account), undefined, (level, message) =>
      logger[level](message),
    );
  }

  private journalFile(account: AccountConfig): string | undefined {
    const configured = account.paper?.journalFile;
    if (configured === false) return undefined;
    const path = configured
      ? resolve(configured)
      : join(this.config.get('server', { infer: true }).dataDir, 'paper', `${account.name}.journal.jsonl`);
    mkdirSync(dirname(path), { recursive: true });
    return path;
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
      journalFile: this.journalFile(account),
    };
  }
}
