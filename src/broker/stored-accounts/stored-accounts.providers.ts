import { Logger, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialCipher } from '../../common/secrets/credential-cipher.js';
import { readMasterKeyOrFile } from '../../common/secrets/master-key.js';
import type { Configuration } from '../../config/configuration.js';
import { DATABASE, type Database } from '../../persistence/database.js';
import { DrizzleStoredAccountRepository } from './drizzle-stored-account.repository.js';
import { StoredAccountRepository } from './stored-account.repository.js';

const logger = new Logger('MasterKey');

/** The cipher of stored broker credentials, under the configured master key or the data dir's key file. */
async function createCipher(config: ConfigService<Configuration, true>): Promise<CredentialCipher> {
  const server = config.get('server', { infer: true });
  const master = await readMasterKeyOrFile(server);
  if (master.created)
    logger.log(
      `Generated the master key in ${master.source} (mode 0600): back it up apart from the database; ` +
        'without it the broker credentials stored over the API cannot be decrypted',
    );
  if (master.exposedMode)
    logger.warn(`${master.source} may be read by other users (mode ${master.exposedMode}): chmod 600 it`);
  if (server.databaseUrl && server.masterKey === undefined)
    logger.warn(
      `DATABASE_URL is set but EDGERUNNER_MASTER_KEY is not: stored broker credentials are sealed with ` +
        `${master.source}. Every replica on this database must use the same key: give each one ` +
        "EDGERUNNER_MASTER_KEY (or EDGERUNNER_MASTER_KEY_FILE) with that file's content",
    );
  return new CredentialCipher(master.key);
}

/** The stored accounts' repository and the cipher sealing their credentials. */
export const STORED_ACCOUNT_PROVIDERS: Provider[] = [
  { provide: CredentialCipher, inject: [ConfigService], useFactory: createCipher },
  {
    provide: StoredAccountRepository,
    inject: [DATABASE, CredentialCipher],
    useFactory: (db: Database, cipher: CredentialCipher) => new DrizzleStoredAccountRepository(db, cipher),
  },
];
