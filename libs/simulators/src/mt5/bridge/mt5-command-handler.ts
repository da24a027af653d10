import type { BridgeCommand } from '#brokers/mt5/bridge/bridge-protocol.js';

/** What a command may keep per bridge connection. */
export interface Mt5BridgeSession {
  /** MqlTradeResult.request_id: counts from 1 on every connection. */
  nextRequestId(): number;
  /** Symbols whose ticks this connection gets, in the order they were subscribed. */
  readonly subscriptions: Set<string>;
}

/** Answers one command's params with its result, or throws Mt5CommandError for ok:false. */
export type Mt5CommandHandler = (
  params: Readonly<Record<string, unknown>>,
  session: Mt5BridgeSession,
) => unknown;

export type Mt5CommandTable = ReadonlyMap<BridgeCommand, Mt5CommandHandler>;
