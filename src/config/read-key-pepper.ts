import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { looksLikePlaceholder } from '#brokers';
import { ConfigurationError } from './configuration-error.js';
import type { EnvironmentVariables } from './environment.schema.js';

/** As long as the pepper Edgerunner generates (32 random bytes in base64url make 43). */
export const MIN_KEY_PEPPER_LENGTH = 32;

function readPepperFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `EDGERUNNER_KEY_PEPPER_FILE: cannot read ${path} (${(error as Error).message})`,
    );
  }
  const pepper = text.trim();
  if (pepper.length < MIN_KEY_PEPPER_LENGTH)
    throw new ConfigurationError(
      `EDGERUNNER_KEY_PEPPER_FILE: ${path} must hold at least ${MIN_KEY_PEPPER_LENGTH} characters`,
    );
  return pepper;
}

/**
 * The configured API key pepper: EDGERUNNER_KEY_PEPPER, or the content of EDGERUNNER_KEY_PEPPER_FILE
 * (trimmed, as `$(cat file)` would be); undefined when neither is set.
 */
export function readKeyPepper(
  env: Pick<EnvironmentVariables, 'EDGERUNNER_KEY_PEPPER' | 'EDGERUNNER_KEY_PEPPER_FILE' | 'NODE_ENV'>,
): string | undefined {
  if (env.EDGERUNNER_KEY_PEPPER !== undefined && env.EDGERUNNER_KEY_PEPPER_FILE !== undefined)
    throw new ConfigurationError(
      'EDGERUNNER_KEY_PEPPER and EDGERUNNER_KEY_PEPPER_FILE are both set: set one of them',
    );
  const pepper = env.EDGERUNNER_KEY_PEPPER_FILE
    ? readPepperFile(resolve(env.EDGERUNNER_KEY_PEPPER_FILE))
    : env.EDGERUNNER_KEY_PEPPER;
  if (pepper !== undefined && env.NODE_ENV === 'production' && looksLikePlaceholder(pepper))
    throw new ConfigurationError('EDGERUNNER_KEY_PEPPER: looks like a placeholder; set a real secret');
  return pepper;
}
