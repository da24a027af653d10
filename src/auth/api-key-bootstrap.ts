import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ConfigurationError } from '../config/configuration-error.js';
import type { Configuration } from '../config/configuration.js';
import { ApiKeyHasher } from './api-key-hasher.js';
import { ApiKeyStore } from './api-key.store.js';
import { ApiKeyService } from './api-key.service.js';
import {
  ENVIRONMENT_KEY_ID,
  environmentKeyRecord,
  planEnvironmentKey,
  type EnvironmentKeyOutcome,
} from './environment-key-plan.js';

/**
 * Start-up of the keys: checks this process hashes with the pepper the stored keys were hashed with,
 * then makes EDGERUNNER_API_KEY the stored admin key, or creates an admin key on a first start.
 */
@Injectable()
export class ApiKeyBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeyBootstrap.name);

  constructor(
    private readonly store: ApiKeyStore,
    private readonly hasher: ApiKeyHasher,
    private readonly keys: ApiKeyService,
    private readonly config: ConfigService<Configuration, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.checkPepper();
    const { apiKey, dataDir } = this.config.get('server', { infer: true });
    if (apiKey) await this.seedEnvironmentKey(apiKey);
    else await this.createFirstKey(dataDir);
  }

  /** A replica with another pepper would fail every key, and rewrite the environment key for itself. */
  private async checkPepper(): Promise<void> {
    const fingerprint = this.hasher.fingerprint();
    const recorded = await this.store.claimPepperFingerprint(fingerprint, new Date().toISOString());
    if (recorded === fingerprint) return;
    throw new ConfigurationError(
      `the API key pepper (${this.hasher.source}) is not the one this database's API keys are hashed ` +
        'with: every process on one database needs the same pepper. Set EDGERUNNER_KEY_PEPPER (or ' +
        "EDGERUNNER_KEY_PEPPER_FILE) to the other replicas' pepper, or restore the data directory's " +
        'api-key.pepper',
    );
  }

  private async seedEnvironmentKey(apiKey: string): Promise<void> {
    const hashes = this.hasher.hashes(apiKey);
    const holder = await this.store.findByHashes(hashes);
    if (holder && holder.id !== ENVIRONMENT_KEY_ID)
      throw new ConfigurationError(
        `EDGERUNNER_API_KEY: holds the key of ${holder.id} ("${holder.name}"); give it a key of its own`,
      );
    const now = new Date().toISOString();
    const stored = await this.store.upsert(
      environmentKeyRecord(hashes, now),
      (row) => planEnvironmentKey(row, hashes, now).change,
    );
    if (!stored) {
      this.logger.log(`Seeded the admin API key ${ENVIRONMENT_KEY_ID} from EDGERUNNER_API_KEY`);
      return;
    }
    // The plan is a function of the row as found: the same one the store applied under its lock.
    this.report(planEnvironmentKey(stored, hashes, now).outcome, stored.revokedAt ?? '');
  }

  private report(outcome: EnvironmentKeyOutcome, revokedAt: string): void {
    switch (outcome) {
      case 'unchanged':
        return;
      case 'rehashed':
        this.logger.log(`Rehashed the admin API key ${ENVIRONMENT_KEY_ID} from SHA-256 to HMAC-SHA256`);
        return;
      case 'replaced':
        this.logger.log(
          `EDGERUNNER_API_KEY holds a new key: it replaces the stored admin API key ${ENVIRONMENT_KEY_ID}, ` +
            'and the previous key no longer works',
        );
        return;
      case 'restored':
        this.logger.warn(
          `EDGERUNNER_API_KEY holds a new key: the admin API key ${ENVIRONMENT_KEY_ID}, revoked at ` +
            `${revokedAt}, is restored with it`,
        );
        return;
      case 'stays-revoked':
        this.logger.warn(
          `EDGERUNNER_API_KEY holds the admin API key ${ENVIRONMENT_KEY_ID} revoked at ${revokedAt}: it ` +
            'stays revoked; set EDGERUNNER_API_KEY to a new key to restore admin access through it',
        );
        return;
    }
  }

  private async createFirstKey(dataDir: string): Promise<void> {
    if ((await this.keys.list()).some((record) => record.revokedAt === null)) return;
    const { key } = await this.keys.create('bootstrap admin', ['admin']);
    // Printed, not logged: the one time this secret is shown, and it must stay out of log pipelines.
    process.stdout.write(
      `\nEdgerunner created an admin API key. It is shown once; only its hash is kept in ${dataDir}.\n\n  ${key}\n\n`,
    );
    this.logger.log('Created the bootstrap admin API key (printed to stdout once)');
  }
}
