import { readPlaceOrder } from '../protocol/incoming/tws-place-order.js';
import {
  encodeCommissionReport,
  encodeExecutionData,
  encodeExecutionDataEnd,
  encodeOpenOrderEnd,
} from '../protocol/outgoing/index.js';
import { TwsFieldReader } from '../protocol/tws-field-reader.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import type { TwsSession } from '../session/tws-session.js';
import type { TwsExecutions } from './tws-executions.js';
import type { TwsOrderBook } from './tws-order-book.js';
import type { TwsOrderMessenger } from './tws-order-messages-out.js';

/** IB's message ids of the order requests. */
const PLACE_ORDER = 3;
const CANCEL_ORDER = 4;
const REQ_OPEN_ORDERS = 5;
const REQ_EXECUTIONS = 7;
const REQ_ALL_OPEN_ORDERS = 16;
const REQ_GLOBAL_CANCEL = 58;

const clientOf = (session: TwsSession): number => session.clientId ?? 0;

/** Placing, cancelling and listing orders, and the day's executions. */
export function orderHandlers(
  book: TwsOrderBook,
  executions: TwsExecutions,
  messenger: TwsOrderMessenger,
): [number, TwsRequestHandler][] {
  const listOpen = (session: TwsSession, clientId: number | undefined): void => {
    for (const order of book.live(clientId)) messenger.describe(order, session);
    session.send(encodeOpenOrderEnd());
  };
  return [
    [PLACE_ORDER, (fields, session) => book.place(session, clientOf(session), readPlaceOrder(fields))],
    [
      CANCEL_ORDER,
      // [4, orderId, manualOrderCancelTime, extOperator, manualOrderIndicator]: no version since 192.
      (fields, session) =>
        book.cancel(session, clientOf(session), new TwsFieldReader(fields.slice(1), 'CANCEL_ORDER').int()),
    ],
    [REQ_OPEN_ORDERS, (_fields, session) => listOpen(session, clientOf(session))],
    [REQ_ALL_OPEN_ORDERS, (_fields, session) => listOpen(session, undefined)],
    [REQ_GLOBAL_CANCEL, () => book.cancelAll()],
    [
      REQ_EXECUTIONS,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'REQ_EXECUTIONS');
        reader.skip(2);
        const reqId = reader.int();
        const filter = {
          clientId: reader.int(),
          account: reader.string(),
          time: reader.string(),
          symbol: reader.string(),
          secType: reader.string(),
          exchange: reader.string(),
          side: reader.string(),
        };
        const found = executions.matching(filter);
        if (!found) {
          session.error(
            reqId,
            321,
            `Error validating request: invalid execution filter time '${filter.time}'`,
          );
          return;
        }
        for (const record of found) {
          session.send(encodeExecutionData({ reqId, ...record.execution }));
          session.send(encodeCommissionReport(record.commission));
        }
        session.send(encodeExecutionDataEnd(reqId));
      },
    ],
  ];
}
