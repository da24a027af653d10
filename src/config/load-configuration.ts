import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BROKER_VENUES, indexBrokerVenues, looksLikePlaceholder, type VenueSecretContext } from '#brokers';
import { readBacktestWorker } from './backtest-worker-role.js';
import { checkVenueOptions } from './check-venue-options.js';
import { ConfigFile, type AccountConfig } from './config-file.schema.js';
import type { Configuration } from './configuration.js';
import { ConfigurationError } from './configuration-error.js';
import { EnvironmentVariables } from './environment.schema.js';
import { readKeyPepper } from './read-key-pepper.js';
import { readMasterKey } from './read-master-key.js';
import { separateVenueOptions } from './separate-venue-options.js';
import { checkConfigObject, validateConfigObject } from './validate-config-object.js';

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

function assertUniqueAccountNames(accounts: readonly AccountConfig[]): void {
  const seen = new Set<string>();
  for (const account of accounts) {
    if (seen.has(account.name))
      throw new ConfigurationError(`accounts: duplicate account name "${account.name}"`);
    seen.add(account.name);
  }
}

/**
 * The config file validated: what all accounts share by ConfigFile, each account's broker options by its
 * venue's options class (with their secrets resolved); every problem named in one error.
 */
function validateConfigFile(
  written: unknown,
  source: string,
  secrets: VenueSecretContext,
): { readonly file: ConfigFile; readonly accounts: AccountConfig[] } {
  // A venue list with one kind twice stops start-up before any account is read by it.
  const venues = indexBrokerVenues(BROKER_VENUES);
  const separated = separateVenueOptions(written, new Set(venues.keys()));
  const { instance: file, problems } = checkConfigObject(ConfigFile, separated.file);
  const options = Array.isArray(file.accounts)
    ? checkVenueOptions(file.accounts, separated.options, venues, secrets)
    : { accounts: [], problems: [] };
  const all = [...problems, ...options.problems];
  if (all.length > 0) throw new ConfigurationError(`Invalid ${source}: ${all.join('; ')}`);
  return { file, accounts: options.accounts };
}

/** Reads and validates the environment and the optional config file; throws naming the first bad field. */
export function loadConfiguration(environment: Record<string, string | undefined>): Configuration {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const setVariables = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const env = validateConfigObject(EnvironmentVariables, setVariables, 'environment', {
    forbidUnknown: false,
  });
  const production = env.NODE_ENV === 'production';
  const { file, accounts } = validateConfigFile(
    env.EDGERUNNER_CONFIG ? readConfigFile(resolve(env.EDGERUNNER_CONFIG)) : {},
    `config file ${env.EDGERUNNER_CONFIG ?? '(defaults)'}`,
    { environment: setVariables, production },
  );
  assertUniqueAccountNames(accounts);
  if (production && env.EDGERUNNER_API_KEY && looksLikePlaceholder(env.EDGERUNNER_API_KEY)) {
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
      backtestWorker: readBacktestWorker(env),
      apiKey: env.EDGERUNNER_API_KEY,
      keyPepper: readKeyPepper(env),
      masterKey: readMasterKey(env),
      production,
    },
    accounts,
    throttle: file.throttle,
    sync: file.sync,
    stream: file.stream,
    backtest: file.backtest,
    http: file.http,
  };
}
