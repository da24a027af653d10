import { isFinalStatus, type BrokerAdapter, type BrokerOrder } from '#brokers';
import type { CancelFailure, CancelReport } from '../../risk/kill-switch-engaged.event.js';

/** Hears the broker's view of each order this cancelled, or found closed: to record it. */
export type CancelledOrderSink = (order: BrokerOrder) => Promise<unknown>;

type Outcome = 'cancelled' | 'closed' | CancelFailure;

async function cancelOne(
  adapter: BrokerAdapter,
  order: BrokerOrder,
  record: CancelledOrderSink,
): Promise<Outcome> {
  try {
    await record(await adapter.cancelOrder(order.brokerOrderId));
    return 'cancelled';
  } catch (error) {
    // The order may have filled or gone with its bracket entry between the listing and the cancel:
    // that is not a failure to report, so ask the broker where it stands.
    const now = await adapter.getOrder(order.brokerOrderId).catch(() => null);
    if (now && isFinalStatus(now.status)) {
      await record(now).catch(() => undefined);
      return 'closed';
    }
    const { brokerOrderId, clientOrderId, symbol } = order;
    return { brokerOrderId, clientOrderId, symbol, error: (error as Error).message };
  }
}

/**
 * Cancels every order open at the broker. Bracket entries go first (each takes its unfilled exits with
 * it), then whatever is left, each cancel on its own: one failure never stops the others.
 */
export async function cancelOpenOrders(
  adapter: BrokerAdapter,
  open: readonly BrokerOrder[],
  record: CancelledOrderSink = () => Promise.resolve(),
): Promise<CancelReport> {
  const entries = open.filter((order) => order.parentOrderId === null);
  const children = open.filter((order) => order.parentOrderId !== null);
  const outcomes = [
    ...(await Promise.all(entries.map((order) => cancelOne(adapter, order, record)))),
    ...(await Promise.all(children.map((order) => cancelOne(adapter, order, record)))),
  ];
  return {
    cancelled: outcomes.filter((outcome) => outcome === 'cancelled').length,
    alreadyClosed: outcomes.filter((outcome) => outcome === 'closed').length,
    failed: outcomes.filter((outcome): outcome is CancelFailure => typeof outcome === 'object'),
  };
}
