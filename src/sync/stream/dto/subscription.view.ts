import type { LiveChannel } from '../../live/live-channel.js';

/** The acknowledgement of `subscribe`, `unsubscribe` and `resync`: what the socket now follows. */
export interface SubscriptionView {
  readonly subscriptions: readonly {
    readonly account: string;
    readonly channel: LiveChannel;
    readonly symbols?: readonly string[];
  }[];
}
