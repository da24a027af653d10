import { LIVE_CHANNELS } from '../live/live-channel.js';

/**
 * Every channel of /ws/broker: the live state and orders of each account, and `backtests`, the progress
 * of backtest jobs, which belong to no account: it is one stream for the whole server, its events carry
 * `account: '*'`, and a subscription's `accounts` does not narrow it.
 */
export const STREAM_CHANNELS = [...LIVE_CHANNELS, 'backtests'] as const;
export type StreamChannel = (typeof STREAM_CHANNELS)[number];

/** The `account` of server-wide streams. */
export const SERVER_WIDE = '*';
