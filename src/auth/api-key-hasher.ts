import { createHash, createHmac } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';
import type { ApiKeyHashScheme } from './api-key-record.js';
import { readOrCreatePepperFile } from './key-pepper-file.js';

/** A key's hash under each scheme, to find its row whichever scheme the row was written with. */
export type ApiKeyHashes = Readonly<Record<ApiKeyHashScheme, string>>;

/** Hashed with the pepper to identify it without revealing it; never a valid key (keys hold no NUL). */
const FINGERPRINT_LABEL = '\0edgerunner api key pepper fingerprint';

/**
 * Hashes API keys with HMAC-SHA256 keyed by the pepper, a secret kept out of the database: a copy of the
 * database alone cannot test guesses against the stored hashes. The pepper is read once at start-up,
 * from the configuration or else the data directory's pepper file (generated on the first start).
 */
@Injectable()
export class ApiKeyHasher implements OnModuleInit {
  private readonly logger = new Logger(ApiKeyHasher.name);
  private pepper: string | undefined;
  /** Where the pepper comes from, for messages: a variable's name or a path, never the pepper. */
  source = '';

  constructor(private readonly config: ConfigService<Configuration, true>) {}

  async onModuleInit(): Promise<void> {
    const { keyPepper, dataDir, databaseUrl } = this.config.get('server', { infer: true });
    if (keyPepper !== undefined) {
      this.pepper = keyPepper;
      this.source = 'EDGERUNNER_KEY_PEPPER';
      return;
    }
    const file = await readOrCreatePepperFile(dataDir);
    this.pepper = file.pepper;
    this.source = file.path;
    if (file.created)
      this.logger.log(
        `Generated the API key pepper in ${file.path} (mode 0600): back it up with the database; ` +
          'without it no stored key can be verified',
      );
    if (file.exposedMode)
      this.logger.warn(`${file.path} may be read by other users (mode ${file.exposedMode}): chmod 600 it`);
    if (databaseUrl)
      this.logger.warn(
        `DATABASE_URL is set but EDGERUNNER_KEY_PEPPER is not: API keys are hashed with ${file.path}. ` +
          'Every replica on this database must hash with the same pepper: give each one ' +
          "EDGERUNNER_KEY_PEPPER (or EDGERUNNER_KEY_PEPPER_FILE) with that file's content",
      );
  }

  /** The stored hash of `key` under the current scheme, HMAC-SHA256. */
  hash(key: string): string {
    return this.hmac(key);
  }

  /** Both hashes of `key`: HMAC-SHA256, and the bare SHA-256 of rows stored before the pepper. */
  hashes(key: string): ApiKeyHashes {
    return { 'hmac-sha256': this.hmac(key), sha256: createHash('sha256').update(key).digest('hex') };
  }

  /** Identifies the pepper, so replicas sharing a database can check they hash alike. */
  fingerprint(): string {
    return this.hmac(FINGERPRINT_LABEL);
  }

  private hmac(value: string): string {
    if (this.pepper === undefined) throw new Error('ApiKeyHasher used before its pepper was read');
    return createHmac('sha256', this.pepper).update(value).digest('hex');
  }
}
