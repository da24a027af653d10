import type { BrokerErrorCode } from '../errors/index.js';
import type { BrokerCall } from '../port/broker-adapter.js';

/** One finished call to a broker, as logged and counted. */
export interface BrokerCallRecord {
  readonly broker: string;
  readonly account: string;
  readonly method: BrokerCall;
  readonly outcome: 'ok' | 'error';
  /** Set when outcome is `error`: the project's code, or `unexpected` for a non-broker error. */
  readonly errorCode?: BrokerErrorCode | 'unexpected';
  readonly latencyMs: number;
}

/** Receives every broker call record: the logger and the metrics both listen here. */
export interface BrokerCallObserver {
  record(call: BrokerCallRecord): void;
}
