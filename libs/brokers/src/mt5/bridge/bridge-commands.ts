/**
 * What each bridge command takes and answers, in the MetaTrader5 Python package's names and numeric
 * codes (PROTOCOL.md, "Commands"). Tickets, magic numbers and chart ids are decimal strings (they are
 * 64-bit); prices, volumes and money are decimal strings as the EA wrote them; times are the broker's
 * server wall clock as Unix-style numbers (`time` in seconds, `*_msc` in milliseconds).
 */

/** TRADE_ACTION_*: what an order_send does. */
export const TRADE_ACTION = { DEAL: 1, PENDING: 5, SLTP: 6, MODIFY: 7, REMOVE: 8, CLOSE_BY: 10 } as const;

/** ORDER_TYPE_*: the side and kind of an order. */
export const ORDER_TYPE = {
  BUY: 0,
  SELL: 1,
  BUY_LIMIT: 2,
  SELL_LIMIT: 3,
  BUY_STOP: 4,
  SELL_STOP: 5,
  BUY_STOP_LIMIT: 6,
  SELL_STOP_LIMIT: 7,
  CLOSE_BY: 8,
} as const;

/** ORDER_FILLING_* request values (not the SYMBOL_FILLING_* flags, which are 1 FOK, 2 IOC, 4 BOC). */
export const ORDER_FILLING = { FOK: 0, IOC: 1, RETURN: 2, BOC: 3 } as const;
export const SYMBOL_FILLING_FLAG = { FOK: 1, IOC: 2, BOC: 4 } as const;

export const ORDER_TIME = { GTC: 0, DAY: 1, SPECIFIED: 2, SPECIFIED_DAY: 3 } as const;

export const ORDER_STATE = {
  STARTED: 0,
  PLACED: 1,
  CANCELED: 2,
  PARTIAL: 3,
  FILLED: 4,
  REJECTED: 5,
  EXPIRED: 6,
  REQUEST_ADD: 7,
  REQUEST_MODIFY: 8,
  REQUEST_CANCEL: 9,
} as const;

/** DEAL_ENTRY_*: whether a deal opened, closed or reversed a position. */
export const DEAL_ENTRY = { IN: 0, OUT: 1, INOUT: 2, OUT_BY: 3 } as const;
/** DEAL_TYPE_* this bridge reads; balance and commission deals carry other values and no order. */
export const DEAL_TYPE = { BUY: 0, SELL: 1, BALANCE: 2 } as const;
/** ORDER_REASON_* / DEAL_REASON_*. */
export const TRADE_REASON = { CLIENT: 0, MOBILE: 1, WEB: 2, EXPERT: 3, SL: 4, TP: 5, SO: 6 } as const;

/** SYMBOL_TRADE_MODE_*. */
export const SYMBOL_TRADE_MODE = { DISABLED: 0, LONGONLY: 1, SHORTONLY: 2, CLOSEONLY: 3, FULL: 4 } as const;
/** SYMBOL_TRADE_EXECUTION_*. */
export const SYMBOL_EXECUTION = { REQUEST: 0, INSTANT: 1, MARKET: 2, EXCHANGE: 3 } as const;
/** ACCOUNT_MARGIN_MODE_*. */
export const ACCOUNT_MARGIN_MODE = { RETAIL_NETTING: 0, EXCHANGE: 1, RETAIL_HEDGING: 2 } as const;

/** order_send's TradeRequest: only the fields its action needs are sent. */
export interface TradeRequest {
  readonly action: number;
  readonly magic?: string;
  readonly order?: string;
  readonly symbol?: string;
  readonly volume?: string;
  readonly price?: string;
  readonly stoplimit?: string;
  readonly sl?: string;
  readonly tp?: string;
  readonly deviation?: number;
  readonly type?: number;
  readonly type_filling?: number;
  readonly type_time?: number;
  /** Server time, seconds; for ORDER_TIME_SPECIFIED(_DAY) only. */
  readonly expiration?: number;
  readonly comment?: string;
  readonly position?: string;
  readonly position_by?: string;
}

/** order_send's OrderSendResult (MqlTradeResult): a refusal is a retcode here, not a failed command. */
export interface OrderSendResult {
  readonly retcode: number;
  readonly deal: string;
  readonly order: string;
  readonly volume: string;
  readonly price: string;
  readonly bid: string;
  readonly ask: string;
  readonly comment: string;
  readonly request_id: number;
  readonly retcode_external: number;
}

export interface AccountInfo {
  readonly login: string;
  /** ACCOUNT_TRADE_MODE: DEMO 0, CONTEST 1, REAL 2. */
  readonly trade_mode: number;
  readonly leverage: number;
  readonly limit_orders: number;
  readonly margin_mode: number;
  readonly currency_digits: number;
  readonly trade_allowed: boolean;
  readonly trade_expert: boolean;
  readonly balance: string;
  readonly credit: string;
  readonly profit: string;
  readonly equity: string;
  readonly margin: string;
  readonly margin_free: string;
  /** Percent; "0" with no margin in use. */
  readonly margin_level: string;
  readonly name: string;
  readonly server: string;
  readonly currency: string;
  readonly company: string;
}

export interface TradePosition {
  readonly ticket: string;
  readonly time_msc: number;
  readonly time_update_msc: number;
  /** POSITION_TYPE: BUY 0, SELL 1. */
  readonly type: number;
  readonly magic: string;
  /** POSITION_IDENTIFIER: never changes, even when a netting reversal changes the ticket. */
  readonly identifier: string;
  readonly reason: number;
  readonly volume: string;
  readonly price_open: string;
  readonly sl: string;
  readonly tp: string;
  readonly price_current: string;
  readonly swap: string;
  readonly profit: string;
  readonly symbol: string;
  readonly comment: string;
}

/** A pending order (orders_get) or a history order (history_orders_get). */
export interface TradeOrder {
  readonly ticket: string;
  readonly time_setup_msc: number;
  /** 0 while the order is live. */
  readonly time_done_msc: number;
  /** Server time, seconds; 0 without one. */
  readonly time_expiration: number;
  readonly type: number;
  readonly type_time: number;
  readonly type_filling: number;
  readonly state: number;
  readonly magic: string;
  readonly position_id: string;
  readonly reason: number;
  readonly volume_initial: string;
  readonly volume_current: string;
  readonly price_open: string;
  readonly sl: string;
  readonly tp: string;
  readonly price_current: string;
  readonly price_stoplimit: string;
  readonly symbol: string;
  readonly comment: string;
}

export interface TradeDeal {
  readonly ticket: string;
  readonly order: string;
  readonly time_msc: number;
  readonly type: number;
  readonly entry: number;
  readonly magic: string;
  readonly position_id: string;
  readonly reason: number;
  readonly volume: string;
  readonly price: string;
  readonly commission: string;
  readonly swap: string;
  readonly profit: string;
  readonly fee: string;
  readonly symbol: string;
  readonly comment: string;
}

export interface SymbolInfo {
  readonly name: string;
  readonly description: string;
  readonly path: string;
  readonly currency_base: string;
  readonly currency_profit: string;
  readonly currency_margin: string;
  readonly digits: number;
  readonly point: string;
  readonly trade_tick_size: string;
  readonly trade_contract_size: string;
  readonly volume_min: string;
  readonly volume_max: string;
  readonly volume_step: string;
  readonly trade_stops_level: number;
  readonly trade_freeze_level: number;
  readonly trade_mode: number;
  readonly trade_exemode: number;
  /** SYMBOL_FILLING_* flags. */
  readonly filling_mode: number;
  readonly order_mode: number;
  readonly expiration_mode: number;
  readonly bid: string;
  readonly ask: string;
  /** Server time of the last quote, seconds. */
  readonly time: number;
}

export interface Tick {
  readonly time: number;
  readonly time_msc: number;
  readonly bid: string;
  readonly ask: string;
  readonly last: string;
  readonly volume: string;
}

export interface Rate {
  /** Server time the bar opened, seconds. */
  readonly time: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly tick_volume: number;
  readonly spread: number;
  readonly real_volume: number;
}

/** A tick event's data: a subscribed symbol's new quote. */
export interface TickEvent extends Tick {
  readonly symbol: string;
}

/**
 * A trade_transaction event's data: MqlTradeTransaction as OnTradeTransaction got it, `type` written by
 * EnumToString (`TRADE_TRANSACTION_DEAL_ADD`) so it never depends on the enum's numbering. A REQUEST
 * transaction also carries the request's id and retcode.
 */
export interface TradeTransaction {
  readonly type: string;
  readonly deal: string;
  readonly order: string;
  readonly symbol: string;
  readonly order_type: number;
  readonly order_state: number;
  readonly deal_type: number;
  readonly price: string;
  readonly volume: string;
  readonly position: string;
  readonly request_id?: number;
  readonly retcode?: number;
}

/** A chart the bridge opened for run_ea. */
export interface RunEaResult {
  readonly chart_id: string;
  readonly expert: string;
}
