import type { Observable } from 'rxjs';
import type {
  AccountSummary,
  BrokerCapabilities,
  BrokerEvent,
  BrokerOrder,
  Candle,
  ConnectionStatus,
  Fill,
  Instrument,
  OrderAck,
  OrderRequest,
  Position,
  Ticker,
  Timeframe,
} from '../domain/index.js';

/**
 * The port every broker implements, one instance per configured account.
 * Implementations raise only {@link BrokerError} subclasses and hand out UTC ISO 8601 times.
 */
export abstract class BrokerAdapter {
  /** Broker kind from config: `paper`, `bybit`, `ibkr`, `mt5`. */
  abstract readonly kind: string;
  /** The account name this adapter serves. */
  abstract readonly account: string;
  abstract readonly capabilities: BrokerCapabilities;
  abstract readonly status: ConnectionStatus;
  /** Order updates, fills, positions, account and ticks, in the order the broker produced them. */
  abstract readonly events: Observable<BrokerEvent>;

  abstract connect(): Promise<void>;
  abstract disconnect(): Promise<void>;

  abstract placeOrder(request: OrderRequest): Promise<OrderAck>;
  abstract cancelOrder(brokerOrderId: string): Promise<BrokerOrder>;
  abstract getOrder(brokerOrderId: string): Promise<BrokerOrder>;
  abstract getOpenOrders(): Promise<BrokerOrder[]>;
  /** The order placed with this client id, or null when the broker never received it. */
  abstract findOrderByClientOrderId(clientOrderId: string): Promise<BrokerOrder | null>;
  /** Executions at or after `since`, oldest first: what reconciliation replays after a gap. */
  abstract getFills(since: Date): Promise<Fill[]>;

  abstract getPositions(): Promise<Position[]>;
  abstract getAccountSummary(): Promise<AccountSummary>;

  abstract getCandles(symbol: string, timeframe: Timeframe, from: Date, to: Date): Promise<Candle[]>;
  abstract getTicker(symbol: string): Promise<Ticker>;
  abstract getInstrument(symbol: string): Promise<Instrument>;
  abstract listInstruments(): Promise<Instrument[]>;
}

/** The port's calls that reach the broker: timed, logged and counted by the instrumentation wrapper. */
export const BROKER_CALLS = [
  'connect',
  'disconnect',
  'placeOrder',
  'cancelOrder',
  'getOrder',
  'getOpenOrders',
  'findOrderByClientOrderId',
  'getFills',
  'getPositions',
  'getAccountSummary',
  'getCandles',
  'getTicker',
  'getInstrument',
  'listInstruments',
] as const satisfies readonly (keyof BrokerAdapter)[];
export type BrokerCall = (typeof BROKER_CALLS)[number];
