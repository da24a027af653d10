import type { AccountSummary } from './account-summary.js';
import type { BrokerOrder } from './broker-order.js';
import type { ConnectionStatus } from './connection-status.js';
import type { Fill } from './fill.js';
import type { Ticker } from './market-data.js';
import type { Position } from './position.js';

/** Everything an adapter pushes, on one stream per account. */
export type BrokerEvent =
  | { readonly type: 'order'; readonly account: string; readonly order: BrokerOrder }
  | { readonly type: 'fill'; readonly account: string; readonly fill: Fill }
  | { readonly type: 'position'; readonly account: string; readonly position: Position }
  | { readonly type: 'account'; readonly account: string; readonly summary: AccountSummary }
  | { readonly type: 'tick'; readonly account: string; readonly ticker: Ticker }
  | {
      readonly type: 'connection';
      readonly account: string;
      readonly status: ConnectionStatus;
      readonly reason?: string;
    };
