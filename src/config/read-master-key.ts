import { ConfigurationError } from './configuration-error.js';
import type { EnvironmentVariables } from './environment.schema.js';
import { readSecretSetting } from './read-secret-setting.js';

/** As long as the key file Edgerunner generates (32 random bytes in base64url make 43). */
export const MIN_MASTER_KEY_LENGTH = 32;

type MasterKeyVariables = Pick<
  EnvironmentVariables,
  'EDGERUNNER_MASTER_KEY' | 'EDGERUNNER_MASTER_KEY_FILE' | 'NODE_ENV'
>;

/**
 * The configured master key: EDGERUNNER_MASTER_KEY or the content of EDGERUNNER_MASTER_KEY_FILE. Left
 * unset, the data directory's key file serves, except in production: a key file beside the database it
 * protects guards nothing once both are copied, so production names the key itself.
 */
export function readMasterKey(env: MasterKeyVariables): string | undefined {
  const production = env.NODE_ENV === 'production';
  const key = readSecretSetting({
    variable: 'EDGERUNNER_MASTER_KEY',
    value: env.EDGERUNNER_MASTER_KEY,
    file: env.EDGERUNNER_MASTER_KEY_FILE,
    minLength: MIN_MASTER_KEY_LENGTH,
    production,
  });
  if (key === undefined && production)
    throw new ConfigurationError(
      'EDGERUNNER_MASTER_KEY is required in production: it encrypts the broker credentials stored over the ' +
        'API (generate one with `openssl rand -base64 32`, or name a file with EDGERUNNER_MASTER_KEY_FILE)',
    );
  return key;
}

/** The key `npm run rotate-master-key` re-encrypts under: EDGERUNNER_NEW_MASTER_KEY or its file. */
export function readNewMasterKey(
  environment: Readonly<Record<string, string | undefined>>,
): string | undefined {
  return readSecretSetting({
    variable: 'EDGERUNNER_NEW_MASTER_KEY',
    value: environment.EDGERUNNER_NEW_MASTER_KEY || undefined,
    file: environment.EDGERUNNER_NEW_MASTER_KEY_FILE || undefined,
    minLength: MIN_MASTER_KEY_LENGTH,
    production: environment.NODE_ENV === 'production',
  });
}
