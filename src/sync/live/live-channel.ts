/** The channels of the live stream. `orders` carries order updates and fills; the rest are state. */
export const LIVE_CHANNELS = ['orders', 'positions', 'pnl', 'account', 'prices'] as const;
export type LiveChannel = (typeof LIVE_CHANNELS)[number];

/** Channels whose every event is the whole current state: a later one supersedes an earlier one. */
export type StateChannel = Exclude<LiveChannel, 'orders'>;
