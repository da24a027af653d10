import { paperVenue } from '../paper/paper.venue.js';
import { BROKER_VENUES } from '../venues.js';
import type { BrokerVenue } from './broker-venue.js';
import { indexBrokerVenues } from './index-broker-venues.js';

describe('indexBrokerVenues', () => {
  it('finds each venue of the list by its kind', () => {
    const venues = indexBrokerVenues(BROKER_VENUES);
    expect([...venues.keys()]).toEqual(['paper', 'bybit', 'ibkr', 'mt5']);
    expect(venues.get('paper')).toBe(paperVenue);
    expect(venues.get('ftx')).toBeUndefined();
  });

  it('refuses a list with one kind twice, naming the kind', () => {
    const impostor: BrokerVenue<object> = { ...paperVenue, label: 'Impostor' };
    expect(() => indexBrokerVenues([paperVenue, impostor])).toThrow(
      'broker venues: kind "paper" is listed twice; each kind needs one venue',
    );
  });
});
