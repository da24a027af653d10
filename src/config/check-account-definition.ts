import { BROKER_VENUES, indexBrokerVenues, type VenueSecretContext } from '#brokers';
import { checkVenueOptions } from './check-venue-options.js';
import { AccountSettings, type AccountConfig } from './config-file.schema.js';
import { separateVenueOptions } from './separate-venue-options.js';
import { checkConfigObject } from './validate-config-object.js';

const VENUES = indexBrokerVenues(BROKER_VENUES);
const PREFIX = 'accounts.0.';

/**
 * One account written as in the config file's `accounts` list (`{ name, broker, bybit: {...} }`), checked
 * by the same schema and venue options classes, secrets resolved as at start-up: an account added over
 * the API is held to exactly what the file is. Problems name fields from the account (`bybit.apiKey`).
 */
export function checkAccountDefinition(
  written: unknown,
  secrets: VenueSecretContext,
): { readonly account?: AccountConfig; readonly problems: string[] } {
  const separated = separateVenueOptions({ accounts: [written] }, new Set(VENUES.keys()));
  const [common] = (separated.file as { accounts: unknown[] }).accounts;
  const settings = checkConfigObject(AccountSettings, common, { at: PREFIX.slice(0, -1) });
  const options = checkVenueOptions([settings.instance], separated.options, VENUES, secrets);
  const problems = [...settings.problems, ...options.problems].map((problem) =>
    problem.startsWith(PREFIX) ? problem.slice(PREFIX.length) : problem,
  );
  const [account] = options.accounts;
  return problems.length > 0 || !account ? { problems } : { account, problems };
}
