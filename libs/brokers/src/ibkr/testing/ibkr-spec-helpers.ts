import type { BrokerEvent, OrderRequest } from '../../domain/index.js';

/** PLACE_ORDER field positions at server version 193 (notes §5.1), to read what the simulator received. */
export const PLACE_ORDER_FIELD = {
  orderId: 1,
  ocaGroup: 22,
  account: 23,
  orderRef: 26,
  transmit: 27,
  parentId: 28,
} as const;

/** An AAPL market order of 10, with `fields` changed. */
export const ibkrOrder = (clientOrderId: string, fields: Partial<OrderRequest> = {}): OrderRequest => ({
  clientOrderId,
  symbol: 'AAPL',
  side: 'buy',
  type: 'market',
  quantity: '10',
  timeInForce: 'gtc',
  ...fields,
});

export async function waitFor(predicate: () => boolean, what: string, ms = 4000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const orderEventsOf = (events: readonly BrokerEvent[], brokerOrderId: string) =>
  events.flatMap((e) => (e.type === 'order' && e.order.brokerOrderId === brokerOrderId ? [e.order] : []));

export const fillEventsOf = (events: readonly BrokerEvent[], brokerOrderId: string) =>
  events.flatMap((e) => (e.type === 'fill' && e.fill.brokerOrderId === brokerOrderId ? [e.fill] : []));
