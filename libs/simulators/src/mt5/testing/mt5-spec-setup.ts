import type { OrderSendResult, TradeTransaction } from '#brokers/mt5/bridge/bridge-commands.js';
import type { Mt5SimulatorConfig } from '../mt5-simulator-config.js';
import { Mt5TerminalSimulator } from '../mt5-terminal-simulator.js';
import { Mt5BridgeKit } from './mt5-bridge-kit.js';

/** Wednesday 14 January 2026, 10:00 UTC: FX is open, the server (GMT+2 in winter) shows 12:00. */
export const WINTER_WEDNESDAY = Date.UTC(2026, 0, 14, 10, 0, 0);
/** Wednesday 15 July 2026, 10:00 UTC: the server runs GMT+3 during US daylight saving. */
export const SUMMER_WEDNESDAY = Date.UTC(2026, 6, 15, 10, 0, 0);

/** A terminal connected to a stand-in bridge server, on a clock the spec moves. */
export interface Mt5SpecSetup {
  readonly terminal: Mt5TerminalSimulator;
  readonly kit: Mt5BridgeKit;
  readonly clock: { now: number };
  /** order_send that must be answered ok:true; resolves once its transactions have arrived. */
  send(params: Record<string, unknown>): Promise<OrderSendResult>;
  /** The transactions that arrived since event index `from`, once the terminal has flushed them. */
  transactionsSince(from: number): Promise<TradeTransaction[]>;
  /** Stops the terminal and the stand-in server; a second call does nothing. */
  close(): Promise<void>;
}

export async function openTerminal(overrides: Partial<Mt5SimulatorConfig> = {}): Promise<Mt5SpecSetup> {
  const clock = { now: WINTER_WEDNESDAY };
  const kit = await Mt5BridgeKit.listen();
  const terminal = new Mt5TerminalSimulator({ clock: () => clock.now, ...overrides });
  await terminal.connect(kit.target());
  let closed = false;
  return {
    terminal,
    kit,
    clock,
    async send(params) {
      const result = await kit.call<OrderSendResult>('order_send', params);
      await kit.sync();
      return result;
    },
    async transactionsSince(from) {
      await kit.sync();
      return kit.transactions(from);
    },
    async close() {
      // Idempotent: an afterEach may close a setup a test already closed.
      if (closed) return;
      closed = true;
      await terminal.stop();
      await kit.close();
    },
  };
}

/** The transaction types in arrival order, without the prefix: what an OnTradeTransaction log shows. */
export function kinds(transactions: readonly TradeTransaction[]): string[] {
  return transactions.map((t) => t.type.replace('TRADE_TRANSACTION_', ''));
}

/** An order_send request for a market buy of 0.10 EURUSD (FOK); specs replace the fields they test. */
export function marketBuyRequest(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { action: 1, symbol: 'EURUSD', type: 0, volume: '0.10', type_filling: 0, ...extra };
}
