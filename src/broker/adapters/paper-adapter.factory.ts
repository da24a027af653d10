import { dirname, join, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  defaultPaperAccountConfig,
  PaperAdapter,
  type PaperAccountConfig,
  type PaperInstrumentConfig,
} from '../../../libs/brokers/src/index.js';
import { StartupError } from '../../common/startup-error.js';
import type { AccountConfig } from '../../config/config-file.schema.js';
import type { Configuration } from '../../config/configuration.js';
import { DataDirOwnership } from '../../persistence/data-dir-ownership.js';
import { ensureDirectory } from '../../persistence/ensure-directory.js';
import { BrokerAdapterFactory } from './broker-adapter.factory.js';

/** Paper accounts: the built-in defaults, overridden field by field from the account's `paper` options. */
@Injectable()
export class PaperAdapterFactory extends BrokerAdapterFactory {
  readonly kind = 'paper';

  constructor(
    private readonly config: ConfigService<Configuration, true>,
    private readonly dataDir: DataDirOwnership,
  ) {
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
    // The journal is one process's, like the embedded database: a second writer would double orders.
    if (this.dataDir.contains(path)) this.dataDir.claim();
    try {
      ensureDirectory(dirname(path));
    } catch (error) {
      throw new StartupError(
        `account "${account.name}": the paper journal ${path} cannot be written: ${(error as Error).message}`,
        { cause: error },
      );
    }
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
