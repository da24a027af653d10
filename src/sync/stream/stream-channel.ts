import { LIVE_CHANNELS } from '../live/live-channel.js';

/**
 * Channels that belong to no account: `backtests`, the progress of backtest jobs, and `strategies`, live
 * runs' state and the signals received with what became of them. Each is one stream for the whole server,
 * its events carry `account: '*'`, and a subscription's `accounts` does not narrow it.
 */
export const SERVER_WIDE_CHANNELS = ['backtests', 'strategies'] as const;
export type ServerWideChannel = (typeof SERVER_WIDE_CHANNELS)[number];

/** Every channel of /ws/broker: the live state and orders of each account, and the server-wide ones. */
export const STREAM_CHANNELS = [...LIVE_CHANNELS, ...SERVER_WIDE_CHANNELS] as const;
export type StreamChannel = (typeof STREAM_CHANNELS)[number];

export function isServerWide(channel: StreamChannel): channel is ServerWideChannel {
  return (SERVER_WIDE_CHANNELS as readonly string[]).includes(channel);
}

/** The `account` of server-wide streams. */
export const SERVER_WIDE = '*';
