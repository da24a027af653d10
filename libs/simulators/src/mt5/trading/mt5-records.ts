import type Big from 'big.js';
import type { Mt5SymbolConfig } from '../mt5-simulator-config.js';

/** An order, live (pending) or in history. Times are UTC milliseconds; they are written as server time. */
export interface Mt5Order {
  readonly ticket: string;
  readonly symbol: Mt5SymbolConfig;
  /** ORDER_TYPE_*; a stop-limit becomes a limit when it activates. */
  type: number;
  typeFilling: number;
  typeTime: number;
  /** Server seconds; 0 without one. */
  expiration: number;
  /** ORDER_STATE_*. */
  state: number;
  readonly magic: string;
  /** POSITION_IDENTIFIER of the position this order opened, changed or closed; "0" while pending. */
  positionId: string;
  readonly reason: number;
  readonly volumeInitial: Big;
  volumeCurrent: Big;
  priceOpen: Big;
  sl: Big;
  tp: Big;
  priceStoplimit: Big;
  comment: string;
  readonly timeSetupMs: number;
  timeDoneMs: number;
  /** A closing order's position ticket (hedging close or SL/TP), when it names one. */
  readonly closes?: string;
}

export interface Mt5Position {
  /** Opening order's ticket; a netting reversal moves it to the reversing order's. */
  ticket: string;
  readonly identifier: string;
  readonly symbol: Mt5SymbolConfig;
  /** POSITION_TYPE: BUY 0, SELL 1. */
  type: number;
  volume: Big;
  priceOpen: Big;
  sl: Big;
  tp: Big;
  magic: string;
  comment: string;
  reason: number;
  timeMs: number;
  timeUpdateMs: number;
}

export interface Mt5Deal {
  readonly ticket: string;
  /** "0" for a balance deal. */
  readonly order: string;
  readonly timeMs: number;
  /** DEAL_TYPE_*: BUY 0, SELL 1, BALANCE 2. */
  readonly type: number;
  /** DEAL_ENTRY_*: IN 0, OUT 1, INOUT 2. */
  readonly entry: number;
  readonly magic: string;
  readonly positionId: string;
  readonly reason: number;
  readonly volume: Big;
  readonly price: Big;
  /** Realized profit in the account currency, on the deal that closed (part of) a position. */
  readonly profit: Big;
  /** "" for a balance deal. */
  readonly symbol: string;
  readonly comment: string;
}

/** ORDER_TYPE_BUY and the buy-side pending types are even; sells odd (CLOSE_BY aside). */
export function isBuyType(type: number): boolean {
  return type % 2 === 0;
}

export const PENDING_TYPES = [2, 3, 4, 5, 6, 7] as const;
