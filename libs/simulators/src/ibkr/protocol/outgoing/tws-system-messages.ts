import { TwsOutgoingId } from './tws-message-ids.js';
import { ascii7 } from './tws-values.js';

/** The id ERR_MSG carries for notices about the connection rather than one request or order. */
export const NO_REQUEST_ID = -1;

/**
 * ERR_MSG, version 2, with advancedOrderRejectJson (ADVANCED_ORDER_REJECT 166) and without errorTime (194).
 * id -1 reaches @stoqey/ib's `info` event, any other id its `error` event. The reject detail is serialised here
 * because the client JSON.parses a non-empty field and a malformed one throws out of its socket handler.
 */
export function encodeError(
  id: number,
  code: number,
  message: string,
  advancedOrderReject?: Readonly<Record<string, unknown>>,
): readonly string[] {
  return [
    TwsOutgoingId.ERR_MSG,
    '2',
    String(id),
    String(code),
    ascii7(message),
    advancedOrderReject === undefined ? '' : ascii7(JSON.stringify(advancedOrderReject)),
  ];
}

/** The lowest order id the client may use next; the client holds every request until it sees one. */
export function encodeNextValidId(orderId: number): readonly string[] {
  return [TwsOutgoingId.NEXT_VALID_ID, '1', String(orderId)];
}

export function encodeManagedAccounts(accounts: readonly string[]): readonly string[] {
  return [TwsOutgoingId.MANAGED_ACCTS, '1', accounts.join(',')];
}

/** Seconds since the epoch (CURRENT_TIME_IN_MILLIS is server version 197). */
export function encodeCurrentTime(epochSeconds: number): readonly string[] {
  return [TwsOutgoingId.CURRENT_TIME, '1', String(Math.floor(epochSeconds))];
}
