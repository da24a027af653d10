import type { StreamChannel } from './stream-channel.js';

/**
 * What the server pushes on /ws/broker, as the Socket.IO event named by `channel`. `seq` counts per
 * account and channel (for `prices`: per account and symbol) within one `epoch`; a snapshot carries the
 * seq its data is current to, and each delta after it is exactly one more. A gap, or a new epoch, means
 * something was missed: ask for `resync`.
 */
export interface StreamEvent<T = unknown> {
  readonly channel: StreamChannel;
  readonly account: string;
  readonly type: 'snapshot' | 'delta';
  readonly seq: number;
  /** Names the counter `seq` belongs to; it changes when the counter starts over (a restart). */
  readonly epoch: string;
  /** UTC ISO 8601, when the server sent it. */
  readonly ts: string;
  readonly data: T;
}
