import {
  SealedSecretDamagedError,
  SealedUnderAnotherKeyError,
} from '../../common/secrets/credential-cipher.js';
import { StartupError } from '../../common/startup-error.js';
import { checkAccountDefinition } from '../../config/check-account-definition.js';
import type { AccountConfig } from '../../config/config-file.schema.js';
import { apiSecretContext } from './api-secret-context.js';
import { writtenDefinition } from './stored-account.js';
import type { StoredAccountRepository } from './stored-account.repository.js';

function unreadable(error: unknown): StartupError {
  if (error instanceof SealedUnderAnotherKeyError)
    return new StartupError(
      `the broker credentials stored over the API were ${error.message}: start with the master key they ` +
        'were stored under (EDGERUNNER_MASTER_KEY, or the data dir master.key), or re-encrypt them with ' +
        '`npm run rotate-master-key`',
      { cause: error },
    );
  if (error instanceof SealedSecretDamagedError)
    return new StartupError(`the broker credentials stored over the API cannot be opened: ${error.message}`, {
      cause: error,
    });
  return new StartupError(`the accounts stored over the API cannot be read: ${(error as Error).message}`, {
    cause: error,
  });
}

/**
 * The accounts stored over the API, opened and checked as when they were added: one that no longer opens
 * or validates stops start-up naming it, since trading on without it would leave its orders unwatched.
 */
export async function loadStoredAccounts(
  store: StoredAccountRepository,
  configured: ReadonlySet<string>,
  production: boolean,
): Promise<AccountConfig[]> {
  const stored = await store.list().catch((error: unknown) => {
    throw unreadable(error);
  });
  return stored.map((account) => {
    if (configured.has(account.name))
      throw new StartupError(
        `account "${account.name}" is both in the config file and stored over the API: rename one`,
      );
    const { account: config, problems } = checkAccountDefinition(
      writtenDefinition(account),
      apiSecretContext(production),
    );
    if (!config)
      throw new StartupError(
        `account "${account.name}" stored over the API is invalid: ${problems.join('; ')}`,
      );
    return config;
  });
}
