import type { BrokerOrder, OrderAck, OrderRequest } from '../domain/index.js';
import { BrokerError, OrderNotFoundError } from '../errors/index.js';
import type { BybitAdapterCategory } from './bybit-config.js';
import { toOrderParams } from './bybit-order-params.js';
import { toBrokerOrder } from './bybit-order.mapper.js';
import type { BybitQueries } from './bybit-queries.js';
import type { BybitRest } from './bybit-rest.js';

/** Bybit's codes for "that orderLinkId was used already" (linear, spot). */
const DUPLICATE_LINK_ID = new Set(['110072', '170141']);
/** Bybit's codes for "no such open order" on cancel (linear, spot): it may have just filled. */
const NOT_OPEN = new Set(['110001', '170213']);
const CANCEL_SETTLE_TRIES = 20;
const CANCEL_SETTLE_MS = 50;

export const FINAL_STATUSES: ReadonlySet<string> = new Set(['filled', 'cancelled', 'rejected', 'expired']);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Placing, cancelling and looking up one order at Bybit, where an orderLinkId makes a placement
 * idempotent and a cancel is asynchronous. `requireConnected` runs before every lookup, so a connection
 * lost half-way through a cancel is reported as such.
 */
export class BybitOrderEntry {
  constructor(
    private readonly rest: BybitRest,
    private readonly queries: BybitQueries,
    private readonly category: BybitAdapterCategory,
    private readonly requireConnected: () => void,
  ) {}

  async place(request: OrderRequest): Promise<OrderAck> {
    const params = toOrderParams(request, this.category);
    try {
      const result = await this.rest.write('/v5/order/create', (c) => c.submitOrder(params));
      return {
        brokerOrderId: result.orderId,
        clientOrderId: request.clientOrderId,
        status: 'submitted',
        receivedAt: new Date().toISOString(),
      };
    } catch (error) {
      // Placed already (a retry after a lost answer): the first order is the answer, never a second one.
      if (error instanceof BrokerError && DUPLICATE_LINK_ID.has(error.brokerCode ?? '')) {
        const existing = await this.findByClientOrderId(request.clientOrderId);
        if (existing) {
          return {
            brokerOrderId: existing.brokerOrderId,
            clientOrderId: existing.clientOrderId,
            status: existing.status,
            receivedAt: new Date().toISOString(),
          };
        }
      }
      throw error;
    }
  }

  /** Cancels, then waits briefly for Bybit to settle the order (cancels are asynchronous there). */
  async cancel(brokerOrderId: string): Promise<BrokerOrder> {
    const order = await this.get(brokerOrderId);
    if (FINAL_STATUSES.has(order.status)) return order;
    try {
      await this.rest.write('/v5/order/cancel', (c) =>
        c.cancelOrder({ category: this.category, symbol: order.symbol, orderId: brokerOrderId }),
      );
    } catch (error) {
      if (!(error instanceof BrokerError && NOT_OPEN.has(error.brokerCode ?? ''))) throw error;
      return this.get(brokerOrderId);
    }
    let latest = order;
    for (let attempt = 0; attempt < CANCEL_SETTLE_TRIES && !FINAL_STATUSES.has(latest.status); attempt += 1) {
      await sleep(CANCEL_SETTLE_MS);
      latest = await this.get(brokerOrderId);
    }
    return latest;
  }

  /** Throws OrderNotFoundError when Bybit has no such order. */
  async get(brokerOrderId: string): Promise<BrokerOrder> {
    this.requireConnected();
    const order = await this.queries.order({ orderId: brokerOrderId });
    if (!order) throw new OrderNotFoundError(`Bybit has no order ${brokerOrderId}`, { broker: 'bybit' });
    return toBrokerOrder(order);
  }

  async findByClientOrderId(clientOrderId: string): Promise<BrokerOrder | null> {
    this.requireConnected();
    const order = await this.queries.order({ orderLinkId: clientOrderId });
    return order ? toBrokerOrder(order) : null;
  }
}
