import {
  encodeCommissionReport,
  encodeExecutionData,
  encodeOpenOrder,
  encodeOrderStatus,
} from '../protocol/outgoing/index.js';
import type { TwsSession } from '../session/tws-session.js';
import type { TwsExecutionRecord } from './tws-executions.js';
import { type TwsOrderRecord, toOrderStatus, toOrderView } from './tws-order-record.js';

/** Finds the connected session of a client id: where TWS sends that client's order updates. */
export interface TwsClientDirectory {
  sessionOf(clientId: number): TwsSession | undefined;
}

/**
 * The messages TWS sends a client about its orders, in TWS's order: OPEN_ORDER then ORDER_STATUS on every
 * change; on a fill EXECUTION_DATA first, then the order's new state, then COMMISSION_REPORT; on an end
 * ORDER_STATUS then the ERR_MSG that says why (202 cancelled, 201 rejected).
 */
export class TwsOrderMessenger {
  constructor(private readonly clients: TwsClientDirectory) {}

  state(order: TwsOrderRecord): void {
    order.announced = true;
    const session = this.clients.sessionOf(order.clientId);
    session?.sendOrderUpdate(encodeOpenOrder(toOrderView(order)));
    session?.sendOrderUpdate(encodeOrderStatus(toOrderStatus(order)));
  }

  /** OPEN_ORDER and ORDER_STATUS of `order` on `session`: what reqOpenOrders and a new session get. */
  describe(order: TwsOrderRecord, session: TwsSession): void {
    session.send(encodeOpenOrder(toOrderView(order)));
    session.send(encodeOrderStatus(toOrderStatus(order)));
  }

  fill(order: TwsOrderRecord, record: TwsExecutionRecord): void {
    const session = this.clients.sessionOf(order.clientId);
    if (!session) return;
    session.sendOrderUpdate(encodeExecutionData({ reqId: -1, ...record.execution }));
    this.state(order);
    session.sendOrderUpdate(encodeCommissionReport(record.commission));
  }

  ended(order: TwsOrderRecord): void {
    const session = this.clients.sessionOf(order.clientId);
    if (!session) return;
    if (order.state === 'Inactive') {
      session.error(order.orderId, 201, `Order rejected - reason:${order.reason ?? ''}`);
      this.state(order);
      return;
    }
    this.state(order);
    if (order.state === 'Cancelled')
      session.error(order.orderId, 202, `Order Canceled - reason:${order.reason ?? ''}`);
  }

  /** A refusal before the order existed: only the ERR_MSG. */
  refused(session: TwsSession, orderId: number, code: number, message: string): void {
    session.error(orderId, code, message);
  }
}
