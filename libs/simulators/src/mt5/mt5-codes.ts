/**
 * Trade server return codes (MqlTradeResult.retcode) and MQL5 runtime errors (GetLastError) the
 * simulated terminal answers with, from the MQL5 reference's tables. Written out here rather than taken
 * from the adapter's own table: the oracle must not share the code it checks.
 */
export const RETCODE = {
  REQUOTE: 10004,
  REJECT: 10006,
  PLACED: 10008,
  DONE: 10009,
  INVALID: 10013,
  INVALID_VOLUME: 10014,
  INVALID_PRICE: 10015,
  INVALID_STOPS: 10016,
  TRADE_DISABLED: 10017,
  MARKET_CLOSED: 10018,
  NO_MONEY: 10019,
  INVALID_EXPIRATION: 10022,
  NO_CHANGES: 10025,
  CLIENT_DISABLES_AT: 10027,
  FROZEN: 10029,
  INVALID_FILL: 10030,
  INVALID_ORDER: 10035,
  INVALID_CLOSE_VOLUME: 10038,
  LONG_ONLY: 10042,
  SHORT_ONLY: 10043,
  CLOSE_ONLY: 10044,
} as const;

/** The server's comment for each retcode, as the terminal's journal words them. */
const RETCODE_COMMENTS: Readonly<Record<number, string>> = {
  10004: 'Requote',
  10006: 'Request rejected',
  10008: 'Order placed',
  10009: 'Request executed',
  10013: 'Invalid request',
  10014: 'Invalid volume',
  10015: 'Invalid price',
  10016: 'Invalid stops',
  10017: 'Trade disabled',
  10018: 'Market closed',
  10019: 'No money',
  10022: 'Invalid expiration',
  10025: 'No changes',
  10027: 'AutoTrading disabled by client',
  10029: 'Order or position frozen',
  10030: 'Unsupported filling mode',
  10035: 'Invalid order',
  10038: 'Invalid close volume',
  10042: 'Only long positions are allowed',
  10043: 'Only short positions are allowed',
  10044: 'Only position closing is allowed',
};

export function retcodeComment(retcode: number): string {
  return RETCODE_COMMENTS[retcode] ?? `Retcode ${retcode}`;
}

/** GetLastError() values the bridge reports with ok:false. */
export const MQL_ERROR = {
  /** ERR_INVALID_PARAMETER: a system function got a value outside its enum (e.g. a timeframe). */
  INVALID_PARAMETER: 4003,
  /** The bridge's code for a command it does not know or params it cannot read (PROTOCOL.md). */
  UNREADABLE: 4014,
  /** ERR_CHART_WRONG_ID. */
  CHART_WRONG_ID: 4101,
  /** ERR_CHART_NOT_FOUND. */
  CHART_NOT_FOUND: 4103,
  /** ERR_CHART_TEMPLATE_FAILED: the template naming the expert could not be applied. */
  CHART_TEMPLATE_FAILED: 4112,
  /** ERR_MARKET_UNKNOWN_SYMBOL. */
  UNKNOWN_SYMBOL: 4301,
  /** ERR_HISTORY_NOT_FOUND. */
  HISTORY_NOT_FOUND: 4401,
} as const;

/** A command the terminal could not run: answered `ok:false` with MQL5's error code. */
export class Mt5CommandError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'Mt5CommandError';
  }
}
