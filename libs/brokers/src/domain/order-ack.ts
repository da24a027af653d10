import type { OrderStatus } from './order-status.js';

/** The broker's answer to a placed order: accepted (with its id) or not. */
export interface OrderAck {
  readonly brokerOrderId: string;
  readonly clientOrderId: string;
  readonly status: OrderStatus;
  readonly receivedAt: string;
}
