import { readOrCreateSecretFile, type SecretFile } from '../common/secrets/data-dir-secret-file.js';
import { MIN_KEY_PEPPER_LENGTH } from '../config/read-key-pepper.js';

/** The data directory's pepper file, created at the first start when no pepper is configured. */
export const KEY_PEPPER_FILE = 'api-key.pepper';

export interface PepperFile extends Omit<SecretFile, 'secret'> {
  readonly pepper: string;
}

/** Reads the data directory's pepper file, generating it (mode 0600) when there is none yet. */
export async function readOrCreatePepperFile(dataDir: string): Promise<PepperFile> {
  const { secret, ...file } = await readOrCreateSecretFile(dataDir, {
    fileName: KEY_PEPPER_FILE,
    purpose: 'the API key pepper',
    minLength: MIN_KEY_PEPPER_LENGTH,
    withoutIt: 'stored keys cannot be verified without it',
  });
  return { ...file, pepper: secret };
}
