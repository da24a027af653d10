import { BrokerError, type BrokerErrorDetails } from '#brokers';

/** The last failed connect of an account, kept until it connects or is disconnected on purpose. */
export interface ConnectFailure {
  readonly error: unknown;
  /** Tried again with backoff (the broker unreachable, a timeout); false when the broker refused us. */
  readonly retrying: boolean;
}

/**
 * Why an account is down, for GET /accounts. Adapters strip credentials from broker messages, so the
 * error's message is safe to show.
 */
export function describeConnectFailure({ error, retrying }: ConnectFailure): string {
  const message = error instanceof Error ? error.message : String(error);
  const then = retrying ? 'retrying with backoff' : 'POST /broker/connect to try again';
  if (!(error instanceof BrokerError)) return `cannot connect: ${message}; ${then}`;
  const code = error.brokerCode === undefined ? '' : ` (${error.brokerCode})`;
  if (error.retryable) return `cannot connect to ${error.broker}${code}: ${message}; ${then}`;
  return `${error.code} refused by ${error.broker}${code}: ${message}; not retried: fix it, then POST /broker/connect`;
}

/**
 * The broker's refusal, raised again for an order on the account it keeps down: the same kind of error
 * (so the same status: 502 for refused credentials) with the broker's code, naming the account.
 */
export function refusalForOrder(error: BrokerError, account: string): BrokerError {
  const Refusal = error.constructor as new (message: string, details: BrokerErrorDetails) => BrokerError;
  return new Refusal(`Account ${account} is down: ${error.message}`, {
    broker: error.broker,
    brokerCode: error.brokerCode,
    brokerMessage: error.brokerMessage,
  });
}
