import {
  BrokerConnectionError,
  BrokerError,
  OrderNotFoundError,
  OrderRejectedError,
  UnknownSymbolError,
} from '../errors/index.js';
import type {
  AccountInfo,
  OrderSendResult,
  Rate,
  RunEaResult,
  SymbolInfo,
  Tick,
  TradeDeal,
  TradeOrder,
  TradePosition,
  TradeRequest,
} from './bridge/bridge-commands.js';
import type { BridgeCommand } from './bridge/bridge-protocol.js';
import type { BridgeSession } from './bridge/bridge-session.js';

const BROKER = 'mt5';

/** MQL5 runtime errors a command reports, and the project's error each becomes. */
const ERR_UNKNOWN_SYMBOL = '4301';
const ERR_POSITION_NOT_FOUND = '4753';
const ERR_ORDER_NOT_FOUND = '4754';
/** Chart and template errors run_ea and stop_ea report: wrong or missing chart, template not applied. */
const CHART_ERRORS = new Set(['4101', '4103', '4112']);
/** run_ea answers once the expert shows on its chart, which the EA polls for up to about 10 s. */
const RUN_EA_TIMEOUT_MS = 20_000;

/** A history query: a server-time range in seconds, one ticket, or one position's orders and deals. */
export type HistoryQuery =
  | { readonly date_from: number; readonly date_to: number }
  | { readonly ticket: string }
  | { readonly position: string };

/**
 * The bridge's commands as typed calls on whichever session is live, with MQL5's "no such thing" codes as
 * the project's errors. The EA's answers are trusted for their field types (PROTOCOL.md), but an answer of
 * the wrong overall shape is refused rather than read.
 */
export class Mt5Terminal {
  constructor(private readonly session: () => BridgeSession | undefined) {}

  accountInfo(): Promise<AccountInfo> {
    return this.object('account_info', {});
  }

  positions(query: { symbol?: string; ticket?: string } = {}): Promise<TradePosition[]> {
    return this.list('positions_get', query);
  }

  orders(query: { symbol?: string; ticket?: string } = {}): Promise<TradeOrder[]> {
    return this.list('orders_get', query);
  }

  orderSend(request: TradeRequest): Promise<OrderSendResult> {
    return this.object('order_send', { ...request });
  }

  symbolInfo(symbol: string): Promise<SymbolInfo> {
    return this.object('symbol_info', { symbol });
  }

  symbols(): Promise<SymbolInfo[]> {
    return this.list('symbols_get', {});
  }

  tick(symbol: string): Promise<Tick> {
    return this.object('symbol_info_tick', { symbol });
  }

  rates(symbol: string, timeframe: number, fromSeconds: number, toSeconds: number): Promise<Rate[]> {
    return this.list('copy_rates_range', { symbol, timeframe, date_from: fromSeconds, date_to: toSeconds });
  }

  historyDeals(query: HistoryQuery): Promise<TradeDeal[]> {
    return this.list('history_deals_get', { ...query });
  }

  historyOrders(query: HistoryQuery): Promise<TradeOrder[]> {
    return this.list('history_orders_get', { ...query });
  }

  subscribeTicks(symbols: readonly string[]): Promise<unknown> {
    return this.call('subscribe_ticks', { symbols: [...symbols] });
  }

  runEa(
    symbol: string,
    timeframe: number,
    expert: string,
    inputs: Record<string, unknown>,
  ): Promise<RunEaResult> {
    return this.object('run_ea', { symbol, timeframe, expert, inputs }, RUN_EA_TIMEOUT_MS);
  }

  stopEa(chartId: string): Promise<unknown> {
    return this.call('stop_ea', { chart_id: chartId });
  }

  private async object<T>(
    command: BridgeCommand,
    params: Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<T> {
    const result = await this.call(command, params, timeoutMs);
    if (result === null || typeof result !== 'object' || Array.isArray(result))
      throw unreadable(command, 'an object');
    return result as T;
  }

  private async list<T>(command: BridgeCommand, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.call(command, params);
    if (!Array.isArray(result)) throw unreadable(command, 'a list');
    return result as T[];
  }

  private async call(
    command: BridgeCommand,
    params: Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<unknown> {
    const session = this.session();
    if (!session) throw new BrokerConnectionError('The MT5 terminal is not connected', { broker: BROKER });
    try {
      return await session.request(command, params, timeoutMs);
    } catch (error) {
      throw asProjectError(error, params);
    }
  }
}

function unreadable(command: BridgeCommand, expected: string): BrokerConnectionError {
  return new BrokerConnectionError(
    `The MT5 bridge answered ${command} with something other than ${expected}`,
    {
      broker: BROKER,
    },
  );
}

function asProjectError(error: unknown, params: Record<string, unknown>): unknown {
  if (!(error instanceof BrokerError)) return error;
  const details = {
    broker: BROKER,
    ...(error.brokerCode ? { brokerCode: error.brokerCode } : {}),
    ...(error.brokerMessage ? { brokerMessage: error.brokerMessage } : {}),
  };
  switch (error.brokerCode) {
    case ERR_UNKNOWN_SYMBOL:
      return new UnknownSymbolError(`MT5 does not know the symbol ${String(params.symbol)}`, details);
    case ERR_ORDER_NOT_FOUND:
    case ERR_POSITION_NOT_FOUND:
      return new OrderNotFoundError(`MT5 has no such order or position: ${error.message}`, details);
    default:
      if (error.brokerCode && CHART_ERRORS.has(error.brokerCode))
        return new OrderRejectedError(`MT5 could not run the expert: ${error.message}`, details);
      return error;
  }
}
