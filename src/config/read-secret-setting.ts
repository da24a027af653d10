import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { looksLikePlaceholder } from '#brokers';
import { ConfigurationError } from './configuration-error.js';

/** A secret given as `<variable>` or, as a mounted secret, the content of the file `<variable>_FILE` names. */
export interface SecretSetting {
  readonly variable: string;
  readonly value: string | undefined;
  readonly file: string | undefined;
  readonly minLength: number;
  readonly production: boolean;
}

function readSecretFile(variable: string, path: string, minLength: number): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`${variable}_FILE: cannot read ${path} (${(error as Error).message})`);
  }
  const secret = text.trim();
  if (secret.length < minLength)
    throw new ConfigurationError(`${variable}_FILE: ${path} must hold at least ${minLength} characters`);
  return secret;
}

/**
 * The secret from its variable or its file (trimmed, as `$(cat file)` would be); undefined when neither is
 * set. In production a secret that looks like a placeholder stops start-up.
 */
export function readSecretSetting(setting: SecretSetting): string | undefined {
  const { variable, value, file, minLength, production } = setting;
  if (value !== undefined && file !== undefined)
    throw new ConfigurationError(`${variable} and ${variable}_FILE are both set: set one of them`);
  const secret = file ? readSecretFile(variable, resolve(file), minLength) : value;
  if (secret !== undefined && production && looksLikePlaceholder(secret))
    throw new ConfigurationError(`${variable}: looks like a placeholder; set a real secret`);
  return secret;
}
