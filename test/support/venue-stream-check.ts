import { StreamClient } from './stream-client.js';

export interface VenueStreamCheck {
  readonly url: string;
  readonly apiKey: string;
  readonly account: string;
  readonly symbol: string;
  /** Places a market order that fills on the venue; answers the order's id. */
  readonly placeFilledOrder: () => Promise<string>;
  /** Moves the venue's price so that its bid ends above `bidAbove`. */
  readonly movePrice: () => Promise<void>;
  readonly bidAbove: number;
}

/**
 * What a subscriber to one venue's account sees on /ws/broker: its order filling, the position it opens
 * and the venue's next price, with no gap in the stream. The client goes to `keep` as soon as it is open,
 * so the caller closes it even when a check fails.
 */
export async function expectVenueOnStream(check: VenueStreamCheck, keep: (client: StreamClient) => void) {
  const stream = await StreamClient.connect(check.url, check.apiKey);
  keep(stream);
  await stream.request('subscribe', {
    accounts: [check.account],
    channels: ['orders', 'positions', 'prices'],
    symbols: [check.symbol],
  });
  const id = await check.placeFilledOrder();
  await stream.waitFor(
    () => stream.orders.get(id)?.status === 'filled',
    5000,
    'the order filled on the stream',
  );
  await stream.waitFor(
    () => (stream.positions ?? []).some((p) => p.symbol === check.symbol),
    5000,
    'a position',
  );
  await check.movePrice();
  await stream.waitFor(
    () => Number(stream.prices.get(check.symbol)?.bid ?? 0) > check.bidAbove,
    5000,
    'the new price',
  );
  expect(stream.gaps).toEqual([]);
}
