import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigFile } from './config-file.schema.js';
import type { Configuration } from './configuration.js';
import { ConfigurationError } from './configuration-error.js';
import { EnvironmentVariables } from './environment.schema.js';
import { readKeyPepper } from './read-key-pepper.js';
import { validateConfigObject } from './validate-config-object.js';

const PLACEHOLDER = /change[-_]?me|example|placeholder|your[-_]?key/i;

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`EDGERUNNER_CONFIG: cannot read ${path} (${(error as Error).message})`);
  }
  try {
    // YAML is a superset of JSON, so one parser reads both.
    return parseYaml(text) as unknown;
  } catch (error) {
    throw new ConfigurationError(
      `EDGERUNNER_CONFIG: ${path} is not valid YAML or JSON (${(error as Error).message})`,
    );
  }
}

function assertUniqueAccountNames(file: ConfigFile): void {
  const seen = new Set<string>();
  for (const account of file.accounts) {
    if (seen.has(account.name))
      throw new ConfigurationError(`accounts: duplicate account name "${account.name}"`);
    seen.add(account.name);
  }
}

/**
 * Bybit credentials named by environment variable are read here, once, with the rest of the config: a
 * variable that is missing stops start-up naming it. The values stay in the typed config, never logged.
 */
function resolveBrokerSecrets(
  file: ConfigFile,
  environment: Record<string, string | undefined>,
  production: boolean,
): void {
  file.accounts.forEach((account, index) => {
    const bybit = account.bybit;
    if (account.broker !== 'bybit') return;
    if (!bybit)
      throw new ConfigurationError(`accounts.${index}.bybit: a Bybit account needs its bybit options`);
    for (const [field, envField] of [
      ['apiKey', 'apiKeyEnv'],
      ['apiSecret', 'apiSecretEnv'],
    ] as const) {
      const name = bybit[envField];
      if (name === undefined) continue;
      const value = environment[name];
      if (!value)
        throw new ConfigurationError(
          `accounts.${index}.bybit.${envField}: environment variable ${name} is not set`,
        );
      bybit[field] = value;
    }
    if (production && PLACEHOLDER.test(`${bybit.apiKey ?? ''} ${bybit.apiSecret ?? ''}`)) {
      throw new ConfigurationError(`accounts.${index}.bybit: the API key or secret looks like a placeholder`);
    }
  });
}

/** Reads and validates the environment and the optional config file; throws naming the first bad field. */
export function loadConfiguration(environment: Record<string, string | undefined>): Configuration {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const setVariables = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const env = validateConfigObject(EnvironmentVariables, setVariables, 'environment', {
    forbidUnknown: false,
  });
  const file = validateConfigObject(
    ConfigFile,
    env.EDGERUNNER_CONFIG ? readConfigFile(resolve(env.EDGERUNNER_CONFIG)) : {},
    `config file ${env.EDGERUNNER_CONFIG ?? '(defaults)'}`,
  );
  assertUniqueAccountNames(file);
  resolveBrokerSecrets(file, setVariables, env.NODE_ENV === 'production');
  if (env.NODE_ENV === 'production' && env.EDGERUNNER_API_KEY && PLACEHOLDER.test(env.EDGERUNNER_API_KEY)) {
    throw new ConfigurationError(
      'EDGERUNNER_API_KEY: looks like a placeholder; set a real secret in production',
    );
  }
  return {
    server: {
      port: env.PORT,
      host: env.HOST,
      dataDir: resolve(env.EDGERUNNER_DATA_DIR),
      logLevel: env.LOG_LEVEL,
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      apiKey: env.EDGERUNNER_API_KEY,
      keyPepper: readKeyPepper(env, PLACEHOLDER),
      production: env.NODE_ENV === 'production',
    },
    accounts: file.accounts,
    throttle: file.throttle,
    sync: file.sync,
    stream: file.stream,
  };
}
