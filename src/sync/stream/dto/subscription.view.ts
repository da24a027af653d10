import type { StreamChannel } from '../stream-channel.js';

/** The acknowledgement of `subscribe`, `unsubscribe` and `resync`: what the socket now follows. */
export interface SubscriptionView {
  readonly subscriptions: readonly {
    readonly account: string;
    readonly channel: StreamChannel;
    readonly symbols?: readonly string[];
  }[];
}
