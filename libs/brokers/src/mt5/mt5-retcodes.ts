import {
  BrokerAuthenticationError,
  BrokerConnectionError,
  BrokerRateLimitError,
  BrokerTimeoutError,
  InsufficientFundsError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderRejectedError,
  type BrokerError,
  type BrokerErrorDetails,
} from '../errors/index.js';

type ErrorClass = new (message: string, details: BrokerErrorDetails) => BrokerError;

/**
 * What a trade server return code (MqlTradeResult.retcode) means to a caller: `done` the request did what
 * it asked (an order placed, a deal made, in part for DONE_PARTIAL), or the error it becomes.
 */
export type Mt5RetcodeTreatment =
  | { readonly kind: 'done'; readonly name: string }
  | {
      readonly kind: 'error';
      readonly name: string;
      readonly errorClass: ErrorClass;
      readonly summary: string;
      readonly retryAfterMs?: number;
    };

const done = (name: string): Mt5RetcodeTreatment => ({ kind: 'done', name });
const error = (
  name: string,
  errorClass: ErrorClass,
  summary: string,
  retryAfterMs?: number,
): Mt5RetcodeTreatment => ({
  kind: 'error',
  name,
  errorClass,
  summary,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

/**
 * Every code of MQL5's "Return Codes of the Trade Server" (10004–10046; there is no 10037), named as the
 * MetaTrader5 Python package names its TRADE_RETCODE_* constants. 10025 NO_CHANGES is a modification that
 * changed nothing: the state asked for already holds, so it counts as done (as MetaApi treats it).
 */
const BY_CODE: Readonly<Record<number, Mt5RetcodeTreatment>> = {
  10004: error('REQUOTE', OrderRejectedError, 'The dealer requoted: the price moved'),
  10006: error('REJECT', OrderRejectedError, 'The trade server rejected the request'),
  10007: error('CANCEL', OrderRejectedError, 'The request was cancelled by the trader'),
  10008: done('PLACED'),
  10009: done('DONE'),
  10010: done('DONE_PARTIAL'),
  10011: error('ERROR', OrderRejectedError, 'The trade server failed to process the request'),
  10012: error('TIMEOUT', BrokerTimeoutError, 'The request was cancelled by timeout'),
  10013: error('INVALID', InvalidOrderError, 'The trade server found the request invalid'),
  10014: error('INVALID_VOLUME', InvalidOrderError, 'The volume is not allowed for the symbol'),
  10015: error('INVALID_PRICE', InvalidOrderError, 'The price is not valid for the symbol'),
  10016: error(
    'INVALID_STOPS',
    InvalidOrderError,
    'The stop-loss or take-profit is too close or wrong-sided',
  ),
  10017: error('TRADE_DISABLED', OrderRejectedError, 'Trading is disabled for the symbol or the account'),
  10018: error('MARKET_CLOSED', OrderRejectedError, 'The market is closed'),
  10019: error('NO_MONEY', InsufficientFundsError, 'Not enough money to complete the request'),
  10020: error('PRICE_CHANGED', OrderRejectedError, 'The prices changed'),
  10021: error('PRICE_OFF', BrokerConnectionError, 'The trade server has no quotes for the symbol'),
  10022: error('INVALID_EXPIRATION', InvalidOrderError, 'The expiration is not allowed for the symbol'),
  10023: error('ORDER_CHANGED', OrderRejectedError, 'The order changed state meanwhile'),
  10024: error('TOO_MANY_REQUESTS', BrokerRateLimitError, 'Too frequent requests', 1000),
  10025: done('NO_CHANGES'),
  10026: error('SERVER_DISABLES_AT', BrokerAuthenticationError, 'The server disabled algorithmic trading'),
  10027: error(
    'CLIENT_DISABLES_AT',
    BrokerAuthenticationError,
    'Algorithmic trading is disabled in the terminal (the Algo Trading button)',
  ),
  10028: error('LOCKED', OrderRejectedError, 'The request is locked for processing'),
  10029: error('FROZEN', OrderRejectedError, 'The order or position is frozen (within the freeze level)'),
  10030: error('INVALID_FILL', InvalidOrderError, 'The filling type is not allowed for the symbol'),
  10031: error('CONNECTION', BrokerConnectionError, 'The terminal has no connection to the trade server'),
  10032: error('ONLY_REAL', OrderRejectedError, 'The operation is allowed only on live accounts'),
  10033: error('LIMIT_ORDERS', OrderRejectedError, 'The limit of pending orders is reached'),
  10034: error(
    'LIMIT_VOLUME',
    OrderRejectedError,
    'The volume limit of orders and positions for the symbol is reached',
  ),
  10035: error('INVALID_ORDER', InvalidOrderError, 'The order type is wrong or prohibited'),
  10036: error('POSITION_CLOSED', OrderNotFoundError, 'The position is already closed'),
  10038: error('INVALID_CLOSE_VOLUME', InvalidOrderError, 'The close volume exceeds the position'),
  10039: error('CLOSE_ORDER_EXIST', OrderRejectedError, 'A close order for the position already exists'),
  10040: error('LIMIT_POSITIONS', OrderRejectedError, 'The limit of open positions is reached'),
  10041: error(
    'REJECT_CANCEL',
    OrderRejectedError,
    'The pending order activation was rejected; the order is cancelled',
  ),
  10042: error('LONG_ONLY', OrderRejectedError, 'Only long positions are allowed for the symbol'),
  10043: error('SHORT_ONLY', OrderRejectedError, 'Only short positions are allowed for the symbol'),
  10044: error('CLOSE_ONLY', OrderRejectedError, 'Only closing positions is allowed for the symbol'),
  10045: error('FIFO_CLOSE', OrderRejectedError, 'Positions must be closed in FIFO order on this account'),
  10046: error(
    'HEDGE_PROHIBITED',
    OrderRejectedError,
    'Opposite positions on one symbol are disabled for this account',
  ),
};

/** The codes the table knows, ascending: what the spec walks. */
export const MT5_RETCODES: readonly number[] = Object.keys(BY_CODE).map(Number);

/** What `retcode` means; a code outside the table is a rejection under its number. */
export function mt5RetcodeTreatment(retcode: number): Mt5RetcodeTreatment {
  return (
    BY_CODE[retcode] ??
    error(`UNKNOWN_${retcode}`, OrderRejectedError, 'The trade server refused the request')
  );
}

/**
 * The project's error for a trade result, carrying MT5's retcode and the server's comment; null when the
 * retcode says the request was done (placed, filled, filled in part, or already as asked).
 */
export function toMt5Error(retcode: number, comment: string): BrokerError | null {
  const treatment = mt5RetcodeTreatment(retcode);
  if (treatment.kind === 'done') return null;
  const details: BrokerErrorDetails = {
    broker: 'mt5',
    brokerCode: String(retcode),
    brokerMessage: comment,
    ...(treatment.retryAfterMs === undefined ? {} : { retryAfterMs: treatment.retryAfterMs }),
  };
  const said = comment ? `: ${comment}` : '';
  return new treatment.errorClass(`${treatment.summary} (MT5 ${retcode} ${treatment.name}${said})`, details);
}
