import { encodeCurrentTime, encodeManagedAccounts, encodeNextValidId } from '../protocol/outgoing/index.js';
import { TwsFieldReader } from '../protocol/tws-field-reader.js';
import type { TwsOrderIds } from './tws-client-order-ids.js';
import type { TwsRequestHandler } from './tws-request-handler.js';

const REQ_IDS = 8;
const REQ_MANAGED_ACCTS = 17;
const REQ_CURRENT_TIME = 49;

/** The requests about the connection itself: order ids, the managed accounts, the server's clock. */
export function systemHandlers(
  ids: TwsOrderIds,
  accounts: readonly string[],
  now: () => number,
): [number, TwsRequestHandler][] {
  return [
    [
      REQ_IDS,
      (fields, session) => {
        // numIds is advisory: TWS answers the next valid id and consumes none.
        new TwsFieldReader(fields, 'REQ_IDS').skip(3);
        session.send(encodeNextValidId(ids.nextValid(session.clientId ?? 0)));
      },
    ],
    [REQ_MANAGED_ACCTS, (_fields, session) => session.send(encodeManagedAccounts(accounts))],
    [REQ_CURRENT_TIME, (_fields, session) => session.send(encodeCurrentTime(now() / 1000))],
  ];
}
