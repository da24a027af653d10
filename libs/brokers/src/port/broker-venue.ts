import type { BrokerAdapter } from './broker-adapter.js';

/** Where a venue's adapter reports what it sees; the app routes it to its own logger. Never given secrets. */
export type VenueLogger = (level: 'debug' | 'log' | 'warn' | 'error', message: string) => void;

/** What the app hands a venue, at config load, to read secrets named by its options. */
export interface VenueSecretContext {
  /** The process environment, for options that name a variable (`apiKeyEnv`) instead of holding a secret. */
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** In production a secret that looks like a placeholder (`change-me`) is refused. */
  readonly production: boolean;
  /** Set when options may not name variables (`apiKeyEnv`): why, as the error for such a field. */
  readonly variablesRefused?: string;
}

/** What the app gives every venue to build one account's adapter. */
export interface VenueContext {
  /** The account's name in the API and the config file. */
  readonly account: string;
  readonly log: VenueLogger;
  /** Absolute path of the app's data directory: where a venue keeps its files unless told otherwise. */
  readonly dataDir: string;
  /**
   * Readies a file the venue keeps across restarts (`purpose` names it in errors): the app locks the data
   * dir when the file lies inside it, since a second process writing there would double what it records,
   * and creates the file's directory. Throws the app's start-up error, naming the file, when it cannot.
   */
  prepareFile(path: string, purpose: string): void;
}

/**
 * A broker venue: everything the app needs to offer accounts of one broker kind. The config loader
 * validates `accounts[].<kind>` with `optionsClass` (an account that leaves it out gets `{}`, so every
 * field takes its default), then `resolveSecrets` runs at start-up; the account registry calls `create`.
 */
export interface BrokerVenue<O extends object, K extends string = string> {
  /** `accounts[].broker` of its accounts, and the key of their options: `broker: bybit` with `bybit: {...}`. */
  readonly kind: K;
  /** How logs name the venue, before the account: `Bybit:<account>`. */
  readonly label: string;
  /** The validated options of one account (class-validator, with each default written in it). */
  readonly optionsClass: new () => O;
  /**
   * Replaces secrets named by the options with their values, at config load, so that a missing variable
   * stops start-up. Throws VenueOptionsError naming the field.
   */
  resolveSecrets?(options: O, context: VenueSecretContext): O;
  /** The options holding secrets (resolved): never shown, only a hint of their last characters. */
  readonly secretFields?: readonly string[];
  /** Builds the adapter of one account from its validated options; throws when it cannot. */
  create(options: O, context: VenueContext): BrokerAdapter;
}
