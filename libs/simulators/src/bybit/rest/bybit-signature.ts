import { BybitError } from '../bybit-error.js';
import { hmacHex, signatureMatches } from '../bybit-hmac.js';
import { RET } from '../bybit-ret-codes.js';

/** What a private request carries for authentication: its X-BAPI headers and the bytes it signed. */
export interface SignedRequest {
  readonly apiKey: string | undefined;
  readonly timestamp: string | undefined;
  readonly recvWindow: string | undefined;
  readonly sign: string | undefined;
  /** GET: the raw query string as received (after `?`); POST: the raw body. */
  readonly payload: string;
}

/** The secret behind an API key, or undefined for a key the server does not know. */
export type SecretLookup = (apiKey: string) => string | undefined;

const DEFAULT_RECV_WINDOW = '5000';

/**
 * Verifies a private REST request as Bybit does (docs/v5/guide.mdx "Authentication"): a known key
 * (10003), a timestamp within [server_time - recv_window, server_time + 1000) (10002), and
 * X-BAPI-SIGN = hex HMAC-SHA256(secret, timestamp + apiKey + recv_window + payload) (10004). The payload
 * is taken as received, never re-encoded or re-sorted: a client that signs other bytes than it sends is
 * refused, as by Bybit. Returns the key.
 */
export function verifySignedRequest(
  request: SignedRequest,
  secretOf: SecretLookup,
  serverTimeMs: number,
): string {
  const { apiKey } = request;
  const secret = apiKey === undefined ? undefined : secretOf(apiKey);
  if (apiKey === undefined || secret === undefined) throw BybitError.of(RET.API_KEY_INVALID);
  const recvWindow = request.recvWindow ?? DEFAULT_RECV_WINDOW;
  const timestamp = request.timestamp;
  if (!/^\d+$/.test(recvWindow)) throw new BybitError(RET.PARAMS, 'params error: recv_window invalid');
  const window = Number(recvWindow);
  const time = timestamp !== undefined && /^\d+$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!(serverTimeMs - window <= time && time < serverTimeMs + 1000)) {
    // The wording of real 10002 answers, with the figures that explain them.
    throw new BybitError(
      RET.TIMESTAMP,
      'invalid request, please check your server timestamp or recv_window param. ' +
        `req_timestamp[${timestamp ?? ''}],server_timestamp[${serverTimeMs}],recv_window[${recvWindow}]`,
    );
  }
  const origin = `${timestamp}${apiKey}${recvWindow}${request.payload}`;
  if (request.sign === undefined || !signatureMatches(hmacHex(secret, origin), request.sign)) {
    throw new BybitError(RET.SIGN, `error sign! origin_string[${origin}]`);
  }
  return apiKey;
}
