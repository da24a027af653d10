/**
 * The bridge protocol between Edgerunner and the Expert Advisor in the user's terminal, version 1
 * (PROTOCOL.md beside this file is its description). One JSON object per line over TCP: the EA dials
 * in, since MQL5 sockets can only connect out.
 */
export const BRIDGE_PROTOCOL_VERSION = 1;

/** A longer line is a broken or hostile peer: the connection is dropped rather than buffered without end. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Both sides ping this often; a peer silent for MISSED_HEARTBEATS intervals is dropped. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
export const MISSED_HEARTBEATS = 3;

/** Commands, named as the MetaTrader5 Python package names its functions. */
export const BRIDGE_COMMANDS = [
  'account_info',
  'positions_get',
  'orders_get',
  'order_send',
  'symbol_info',
  'symbol_info_tick',
  'copy_rates_range',
  'copy_rates_from_pos',
  'history_deals_get',
  'history_orders_get',
  'symbols_get',
  'subscribe_ticks',
  'unsubscribe_ticks',
  'run_ea',
  'stop_ea',
] as const;
export type BridgeCommand = (typeof BRIDGE_COMMANDS)[number];

export const BRIDGE_EVENTS = ['trade_transaction', 'tick'] as const;
export type BridgeEventName = (typeof BRIDGE_EVENTS)[number];

export type MarginMode = 'hedging' | 'netting' | 'exchange';

/** The EA's first line after it connects. */
export interface HelloMessage {
  readonly type: 'hello';
  readonly protocol: number;
  readonly token: string;
  readonly build: number;
  readonly login: string;
  readonly server: string;
  readonly company: string;
  readonly currency: string;
  readonly marginMode: MarginMode;
  readonly tradeAllowed: boolean;
  /** TimeTradeServer() - TimeGMT() when the EA said hello: how far the broker's clock runs ahead of UTC. */
  readonly serverOffsetSeconds: number;
}

export interface WelcomeMessage {
  readonly type: 'welcome';
  readonly protocol: number;
  readonly server: string;
}

/** Sent instead of welcome, then the connection is closed. */
export interface RefusedMessage {
  readonly type: 'refused';
  readonly reason: string;
}

export interface RequestMessage {
  readonly type: 'request';
  readonly id: string;
  readonly command: BridgeCommand;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The EA's failure to run a command: MQL5's GetLastError() code, or a retcode the EA could not pass. */
export interface BridgeFailure {
  readonly code: number;
  readonly message: string;
}

export type ResponseMessage =
  | { readonly type: 'response'; readonly id: string; readonly ok: true; readonly result: unknown }
  | { readonly type: 'response'; readonly id: string; readonly ok: false; readonly error: BridgeFailure };

export interface EventMessage {
  readonly type: 'event';
  readonly event: BridgeEventName;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface HeartbeatMessage {
  readonly type: 'ping' | 'pong';
  readonly at: number;
}

export type BridgeMessage =
  | HelloMessage
  | WelcomeMessage
  | RefusedMessage
  | RequestMessage
  | ResponseMessage
  | EventMessage
  | HeartbeatMessage;
