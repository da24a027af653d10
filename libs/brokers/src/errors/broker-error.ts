export const BROKER_ERROR_CODES = [
  'connection',
  'authentication',
  'rejected',
  'insufficient_funds',
  'invalid_order',
  'unknown_symbol',
  'order_not_found',
  'rate_limited',
  'timeout',
] as const;
export type BrokerErrorCode = (typeof BROKER_ERROR_CODES)[number];

const RETRYABLE: ReadonlySet<BrokerErrorCode> = new Set(['connection', 'rate_limited', 'timeout']);

export interface BrokerErrorDetails {
  /** Broker kind that raised it. */
  readonly broker: string;
  /** The broker's own error code (retCode, IB error code, MT5 retcode), when it gave one. */
  readonly brokerCode?: string;
  /** The broker's own message, verbatim. */
  readonly brokerMessage?: string;
  /** For a rate limit: how long until the broker takes the call again, when it said. */
  readonly retryAfterMs?: number;
}

/**
 * The only errors an adapter raises. Retryable ones (network, rate limit, timeout) may succeed if tried
 * again; the rest are final.
 */
export abstract class BrokerError extends Error {
  abstract readonly code: BrokerErrorCode;
  readonly broker: string;
  readonly brokerCode: string | undefined;
  readonly brokerMessage: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: BrokerErrorDetails) {
    super(message);
    this.name = new.target.name;
    this.broker = details.broker;
    this.brokerCode = details.brokerCode;
    this.brokerMessage = details.brokerMessage;
    this.retryAfterMs = details.retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

export class BrokerConnectionError extends BrokerError {
  readonly code = 'connection';
}
export class BrokerAuthenticationError extends BrokerError {
  readonly code = 'authentication';
}
export class OrderRejectedError extends BrokerError {
  readonly code = 'rejected';
}
export class InsufficientFundsError extends BrokerError {
  readonly code = 'insufficient_funds';
}
export class InvalidOrderError extends BrokerError {
  readonly code = 'invalid_order';
}
export class UnknownSymbolError extends BrokerError {
  readonly code = 'unknown_symbol';
}
export class OrderNotFoundError extends BrokerError {
  readonly code = 'order_not_found';
}
export class BrokerRateLimitError extends BrokerError {
  readonly code = 'rate_limited';
}
export class BrokerTimeoutError extends BrokerError {
  readonly code = 'timeout';
}
