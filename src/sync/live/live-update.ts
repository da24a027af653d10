import type { AccountStateView, PnlView, PositionsView, PriceView } from './live-views.js';

/** A change of one account's live state, as the stream publishes it. */
export type LiveUpdate =
  | { readonly account: string; readonly channel: 'account'; readonly data: AccountStateView }
  | { readonly account: string; readonly channel: 'positions'; readonly data: PositionsView }
  | { readonly account: string; readonly channel: 'pnl'; readonly data: PnlView }
  | { readonly account: string; readonly channel: 'prices'; readonly data: PriceView };
