import { bybitVenue } from './bybit/bybit.venue.js';
import { ibkrVenue } from './ibkr/ibkr.venue.js';
import { mt5Venue } from './mt5/mt5.venue.js';
import { paperVenue } from './paper/paper.venue.js';
import type { BrokerVenue } from './port/broker-venue.js';

/**
 * Every broker venue the app offers: the one place it names them. The config loader validates
 * `accounts[].broker` and `accounts[].<kind>` against it and the account registry builds adapters from it.
 * A new venue is its folder and one line here.
 */
export const BROKER_VENUES = [paperVenue, bybitVenue, ibkrVenue, mt5Venue] as const;

type ListedVenue = (typeof BROKER_VENUES)[number];
type OptionsOf<V> = V extends BrokerVenue<infer O, string> ? O : never;

/** `accounts[].broker`: a kind of the list. */
export type BrokerKind = ListedVenue['kind'];

/** Each listed venue's options under its kind, as an account holds them: `bybit: {...}` on a Bybit account. */
export type BrokerOptionsByKind = { readonly [V in ListedVenue as V['kind']]?: OptionsOf<V> };
