import {
  BrokerAuthenticationError,
  BrokerConnectionError,
  BrokerRateLimitError,
  BrokerTimeoutError,
  InsufficientFundsError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderRejectedError,
  UnknownSymbolError,
  type BrokerError,
  type BrokerErrorDetails,
} from '../errors/index.js';

type ErrorClass = new (message: string, details: BrokerErrorDetails) => BrokerError;

/** Bybit V5 retCodes (docs: error.mdx) and what each means for a caller. */
const BY_RET_CODE: Readonly<Record<number, readonly [ErrorClass, string]>> = {
  10000: [BrokerTimeoutError, 'Bybit timed out'],
  10001: [InvalidOrderError, 'Bybit refused the request parameters'],
  10002: [
    BrokerAuthenticationError,
    'Bybit refused the request time: the clock is off or recv_window too small',
  ],
  10003: [
    BrokerAuthenticationError,
    'Bybit does not know this API key (wrong key, or a key of another environment: mainnet, testnet, demo)',
  ],
  10004: [BrokerAuthenticationError, 'Bybit refused the request signature: check the API secret'],
  10005: [BrokerAuthenticationError, 'This Bybit API key lacks the permission'],
  10006: [BrokerRateLimitError, 'Bybit rate limit reached'],
  10010: [BrokerAuthenticationError, "This Bybit API key does not allow this server's IP address"],
  10016: [BrokerConnectionError, 'Bybit service error or restart'],
  10029: [UnknownSymbolError, 'Bybit does not list this symbol'],
  110001: [OrderNotFoundError, 'Bybit has no such open order'],
  110003: [InvalidOrderError, 'Order price is outside the range Bybit allows'],
  110004: [InsufficientFundsError, 'Wallet balance insufficient'],
  110007: [InsufficientFundsError, 'Available balance insufficient'],
  110008: [OrderRejectedError, 'The order is already completed or cancelled'],
  110010: [OrderRejectedError, 'The order is already cancelled'],
  110012: [InsufficientFundsError, 'Available balance insufficient'],
  110017: [InvalidOrderError, 'Order quantity truncates to zero'],
  110020: [OrderRejectedError, 'Too many active orders'],
  110045: [InsufficientFundsError, 'Wallet balance insufficient'],
  110072: [OrderRejectedError, 'Duplicate orderLinkId'],
  110094: [InvalidOrderError, 'Order value below the minimum'],
  170131: [InsufficientFundsError, 'Balance insufficient'],
  170136: [InvalidOrderError, 'Order quantity below the minimum'],
  170213: [OrderNotFoundError, 'Bybit has no such order'],
};

/** retMsg fragments Bybit sends with generic codes (10001) when the real cause is the symbol. */
const UNKNOWN_SYMBOL = /symbol (invalid|not exist)|not supported symbols|invalid symbol/i;

/**
 * What Bybit signed a refused request over (10004): timestamp, API key, recv_window and the payload, up
 * to the message's last `]`, since a JSON payload may hold brackets of its own.
 */
const ORIGIN_STRING = /origin_string\[.*\]/s;
const REDACTED = '[redacted]';

/**
 * Bybit's message with no credential left in it, fit for a response or a log line: the signed origin
 * string goes, and so does every occurrence of one of `credentials` (the account's key and secret).
 */
export function sanitizeBybitMessage(retMsg: string, credentials: readonly string[] = []): string {
  let message = retMsg.replace(ORIGIN_STRING, `origin_string${REDACTED}`);
  for (const credential of credentials) {
    if (credential !== '') message = message.split(credential).join(REDACTED);
  }
  return message;
}

/**
 * A Bybit answer with a non-zero retCode as the project's error, carrying Bybit's code and its message
 * sanitized of `credentials` (the account's API key and secret) and of the origin string that holds them.
 */
export function parseBybitError(
  retCode: number,
  rawMessage: string,
  credentials: readonly string[] = [],
): BrokerError {
  const retMsg = sanitizeBybitMessage(rawMessage, credentials);
  const details = { broker: 'bybit', brokerCode: String(retCode), brokerMessage: retMsg };
  if (retCode === 10001 && UNKNOWN_SYMBOL.test(retMsg)) {
    return new UnknownSymbolError(`Bybit does not list this symbol: ${retMsg}`, details);
  }
  const known = BY_RET_CODE[retCode];
  if (known) {
    const [ErrorType, meaning] = known;
    return new ErrorType(`${meaning} (Bybit ${retCode}: ${retMsg})`, details);
  }
  return new OrderRejectedError(`Bybit refused the request (Bybit ${retCode}: ${retMsg})`, details);
}

interface HttpFailure {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly body?: unknown;
}

/**
 * What bybit-api throws when no envelope came back: an HTTP status (`{ code, message, body }`) or the
 * network error itself (`ECONNREFUSED`, a timeout). Never includes the request, which holds the key.
 */
export function parseBybitTransportError(error: unknown): BrokerError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as HttpFailure;
  const code = failure.code;
  const message = typeof failure.message === 'string' ? failure.message : String(error);
  const details = {
    broker: 'bybit',
    brokerCode: typeof code === 'number' || typeof code === 'string' ? String(code) : undefined,
    brokerMessage: message,
  };
  if (typeof code === 'number') {
    if (code === 401) return new BrokerAuthenticationError(`Bybit refused the request (HTTP 401)`, details);
    if (code === 403)
      return new BrokerRateLimitError('Bybit refused this IP (HTTP 403: IP rate limit or region)', details);
    if (code === 429) return new BrokerRateLimitError('Bybit is protecting itself (HTTP 429)', details);
    return new BrokerConnectionError(`Bybit answered HTTP ${code} ${message}`, details);
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    return new BrokerTimeoutError(`Bybit did not answer in time: ${message}`, details);
  }
  return new BrokerConnectionError(`Bybit is unreachable: ${message}`, details);
}
