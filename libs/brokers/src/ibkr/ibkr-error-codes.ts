import {
  BrokerAuthenticationError,
  BrokerConnectionError,
  BrokerRateLimitError,
  InsufficientFundsError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderRejectedError,
  UnknownSymbolError,
  type BrokerError,
  type BrokerErrorDetails,
} from '../errors/index.js';

type ErrorClass = new (message: string, details: BrokerErrorDetails) => BrokerError;

/**
 * What a code means to the adapter: `notice` is logged and never raised (farm status, warnings about a
 * live order); `system` is a connectivity notice the session acts on; `cancelled` is TWS telling that an
 * order is cancelled (202: the normal answer to a cancel, or IB cancelling it); `error` is raised.
 */
export type IbkrCodeTreatment =
  | { readonly kind: 'notice' }
  | { readonly kind: 'system' }
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'error';
      readonly errorClass: ErrorClass;
      readonly summary: string;
      readonly retryAfterMs?: number;
    };

const error = (errorClass: ErrorClass, summary: string, retryAfterMs?: number): IbkrCodeTreatment => ({
  kind: 'error',
  errorClass,
  summary,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});
const NOTICE: IbkrCodeTreatment = { kind: 'notice' };
const SYSTEM: IbkrCodeTreatment = { kind: 'system' };

/** IB's codes (TWS API "Message Codes") and what each means for a caller. */
const BY_CODE: Readonly<Record<number, IbkrCodeTreatment>> = {
  100: error(BrokerRateLimitError, 'TWS refused messages above 50 a second', 1000),
  102: error(InvalidOrderError, 'TWS refused a duplicate request id'),
  103: error(OrderRejectedError, 'TWS refused a duplicate order id'),
  104: error(OrderRejectedError, 'TWS cannot modify a filled order'),
  110: error(InvalidOrderError, 'The price does not conform to the minimum tick of the contract'),
  135: error(OrderNotFoundError, 'TWS has no such order'),
  136: error(OrderRejectedError, 'TWS cannot cancel this order'),
  161: error(OrderRejectedError, 'The order is no longer cancellable'),
  162: error(BrokerRateLimitError, 'IB historical data service refused the query', 15_000),
  200: error(UnknownSymbolError, 'IB has no security definition for this contract'),
  201: error(OrderRejectedError, 'IB rejected the order'),
  202: { kind: 'cancelled' },
  203: error(OrderRejectedError, 'The security is not available or allowed for this account'),
  300: NOTICE,
  320: error(InvalidOrderError, 'TWS could not read the request'),
  321: error(InvalidOrderError, 'TWS could not validate the request'),
  322: error(InvalidOrderError, 'TWS could not process the request'),
  326: error(BrokerConnectionError, 'The client id is in use by another API session of this TWS'),
  354: error(BrokerAuthenticationError, 'The login has no market data subscription for this contract'),
  366: error(InvalidOrderError, 'TWS has no historical data query for this request id'),
  386: error(InvalidOrderError, 'TWS refused a duplicate historical data request id'),
  387: error(InvalidOrderError, 'The order type is not supported for this contract'),
  388: error(InvalidOrderError, 'The order size is below the minimum of the contract'),
  399: NOTICE,
  404: NOTICE,
  420: error(BrokerRateLimitError, 'IB refused the real-time query (pacing)', 15_000),
  434: error(InvalidOrderError, 'The order size cannot be zero'),
  502: error(
    BrokerConnectionError,
    'Cannot connect to TWS: is it running, with the API enabled on this port?',
  ),
  504: error(BrokerConnectionError, 'Not connected to TWS'),
  1100: SYSTEM,
  1101: SYSTEM,
  1102: SYSTEM,
  1300: SYSTEM,
  10006: error(OrderRejectedError, 'The parent order of this child is missing'),
  10089: error(
    BrokerAuthenticationError,
    'The login needs an API market data subscription for this contract',
  ),
  10090: NOTICE,
  10147: error(OrderNotFoundError, 'TWS has no such order to cancel'),
  10148: error(OrderRejectedError, 'The order cannot be cancelled: it is filled'),
  10167: NOTICE,
  10186: error(BrokerAuthenticationError, 'The login has no market data for this session'),
  10197: error(BrokerAuthenticationError, 'No market data during a competing live session'),
  10289: error(InvalidOrderError, 'This crypto order needs a cash quantity'),
  10293: error(InvalidOrderError, 'A cash quantity order cannot specify a size'),
  10318: error(InvalidOrderError, 'The order size is not a multiple of the size increment of the contract'),
};

/** Rejection texts (201) that mean the account cannot pay for the order. */
const NO_FUNDS = /margin|equity with loan|insufficient|buying power/i;

/** 162 texts of IB's historical pacing rules. */
const PACING = /pacing violation/i;

/** What TWS means by `code`; codes not in the table are errors unless IB marks them as warnings. */
export function ibkrCodeTreatment(code: number, message = ''): IbkrCodeTreatment {
  if (code === 201 && NO_FUNDS.test(message)) {
    return error(InsufficientFundsError, 'The account cannot fund the order');
  }
  // 162 carries every HMDS failure; only a pacing violation is worth waiting for.
  if (code === 162 && !PACING.test(message)) {
    return error(InvalidOrderError, 'IB historical data service refused the query');
  }
  const known = BY_CODE[code];
  if (known) return known;
  // 2100-2999 are IB's warnings and farm notices; "Warning:" texts carry other codes (stoqey isNonFatalError).
  if ((code >= 2100 && code <= 2999) || /^warning:/i.test(message)) return NOTICE;
  return error(OrderRejectedError, 'IB refused the request');
}

/** Whether TWS only informs about `code`: logged, never raised. */
export function isIbkrNotice(code: number, message = ''): boolean {
  const kind = ibkrCodeTreatment(code, message).kind;
  return kind === 'notice' || kind === 'system';
}

/**
 * The project's error for an IB error message, carrying IB's code and text. `fallback` classes the codes
 * the table does not know (a read's failure is not an order rejection).
 */
export function toIbkrError(code: number, message: string, fallback?: ErrorClass): BrokerError {
  const treatment = ibkrCodeTreatment(code, message);
  const details = { broker: 'ibkr', brokerCode: String(code), brokerMessage: message };
  if (treatment.kind !== 'error') return new OrderRejectedError(`IB: ${message}`, details);
  const known = BY_CODE[code] !== undefined;
  const errorClass = known || !fallback ? treatment.errorClass : fallback;
  const retry = treatment.retryAfterMs === undefined ? {} : { retryAfterMs: treatment.retryAfterMs };
  return new errorClass(`${treatment.summary} (IB ${code}: ${message})`, { ...details, ...retry });
}
