import type { StreamChannel } from './stream-channel.js';

/** One stream a socket can be subscribed to: the Socket.IO room it joins, and the seq counter it follows. */
export interface StreamKey {
  readonly channel: StreamChannel;
  readonly account: string;
  /** Only for `prices`: one stream per symbol. */
  readonly symbol?: string;
}

const SEPARATOR = '|';

export function roomOf(key: StreamKey): string {
  return [key.channel, key.account, ...(key.symbol === undefined ? [] : [key.symbol])].join(SEPARATOR);
}

/** The key of a room this gateway made; undefined for Socket.IO's own (the socket's id). */
export function keyOfRoom(room: string): StreamKey | undefined {
  const [channel, account, symbol] = room.split(SEPARATOR);
  if (!channel || !account) return undefined;
  return { channel: channel as StreamChannel, account, ...(symbol === undefined ? {} : { symbol }) };
}

/** The counter a stream's seq comes from: per account and channel, per symbol for prices. */
export function sequenceOf(key: StreamKey): string {
  return roomOf(key);
}
