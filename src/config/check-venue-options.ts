import { VenueOptionsError, type BrokerVenue, type VenueSecretContext } from '#brokers';
import type { AccountConfig, AccountSettings } from './config-file.schema.js';
import { checkConfigObject } from './validate-config-object.js';

function isOptionsObject(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));
}

/** The venue's options of one account, validated and with their secrets resolved, or what is wrong with them. */
function checkOptionsOf(
  venue: BrokerVenue<object>,
  written: unknown,
  at: string,
  secrets: VenueSecretContext,
): { readonly options?: object; readonly problems: string[] } {
  if (!isOptionsObject(written)) return { problems: [`${at}: ${venue.kind} options must be an object`] };
  // Left out (or written empty), the options are `{}`: every field takes its default.
  const { instance, problems } = checkConfigObject(venue.optionsClass, written ?? {}, { at });
  if (problems.length > 0) return { problems };
  try {
    return { options: venue.resolveSecrets?.(instance, secrets) ?? instance, problems: [] };
  } catch (error) {
    if (!(error instanceof VenueOptionsError)) throw error;
    return { problems: [`${error.field ? `${at}.${error.field}` : at}: ${error.message}`] };
  }
}

/**
 * Each account with its broker's options under its kind, validated by the venue's options class and with
 * their secrets resolved; every problem names its field (`accounts.0.bybit.apiKeyEnv`). Options of another
 * kind than the account's broker are refused: they would be ignored, and were surely meant for it.
 */
export function checkVenueOptions(
  accounts: readonly AccountSettings[],
  written: readonly ReadonlyMap<string, unknown>[],
  venues: ReadonlyMap<string, BrokerVenue<object>>,
  secrets: VenueSecretContext,
): { readonly accounts: AccountConfig[]; readonly problems: string[] } {
  const problems: string[] = [];
  const checked = accounts.map((account, index): AccountConfig => {
    const own = written[index] ?? new Map<string, unknown>();
    for (const kind of own.keys()) {
      if (kind !== account.broker)
        problems.push(`accounts.${index}.${kind}: ${kind} options on a ${account.broker} account`);
    }
    // An unknown broker is already reported by the account's own schema.
    const venue = venues.get(account.broker);
    if (!venue) return account;
    const result = checkOptionsOf(venue, own.get(venue.kind), `accounts.${index}.${venue.kind}`, secrets);
    problems.push(...result.problems);
    // The options sit under their kind, as the file writes them: `account.bybit`.
    return Object.assign(account, { [venue.kind]: result.options });
  });
  return { accounts: checked, problems };
}
