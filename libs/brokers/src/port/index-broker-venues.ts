import type { BrokerVenue } from './broker-venue.js';

/**
 * The venues of `list` by kind. Two descriptors of one kind would make an account's broker ambiguous, so
 * they stop start-up naming the kind.
 */
export function indexBrokerVenues(
  list: readonly BrokerVenue<object>[],
): ReadonlyMap<string, BrokerVenue<object>> {
  const byKind = new Map<string, BrokerVenue<object>>();
  for (const venue of list) {
    if (byKind.has(venue.kind))
      throw new Error(`broker venues: kind "${venue.kind}" is listed twice; each kind needs one venue`);
    byKind.set(venue.kind, venue);
  }
  return byKind;
}
