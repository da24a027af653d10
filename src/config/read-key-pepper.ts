import type { EnvironmentVariables } from './environment.schema.js';
import { readSecretSetting } from './read-secret-setting.js';

/** As long as the pepper Edgerunner generates (32 random bytes in base64url make 43). */
export const MIN_KEY_PEPPER_LENGTH = 32;

/**
 * The configured API key pepper: EDGERUNNER_KEY_PEPPER, or the content of EDGERUNNER_KEY_PEPPER_FILE;
 * undefined when neither is set.
 */
export function readKeyPepper(
  env: Pick<EnvironmentVariables, 'EDGERUNNER_KEY_PEPPER' | 'EDGERUNNER_KEY_PEPPER_FILE' | 'NODE_ENV'>,
): string | undefined {
  return readSecretSetting({
    variable: 'EDGERUNNER_KEY_PEPPER',
    value: env.EDGERUNNER_KEY_PEPPER,
    file: env.EDGERUNNER_KEY_PEPPER_FILE,
    minLength: MIN_KEY_PEPPER_LENGTH,
    production: env.NODE_ENV === 'production',
  });
}
