import { isFinalStatus, type BrokerAdapter } from '../../libs/brokers/src/index.js';

/** An open order the broker would not cancel, and what it said. */
export interface CancelFailure {
  readonly brokerOrderId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly error: string;
}

/** What cancelling every open order achieved. */
export interface CancelReport {
  /** Orders this call cancelled. */
  readonly cancelled: number;
  /** Orders that closed on their own meanwhile (filled, or cancelled with their bracket entry). */
  readonly alreadyClosed: number;
  readonly failed: readonly CancelFailure[];
}

type Outcome = 'cancelled' | 'closed' | CancelFailure;

async function cancelOne(
  adapter: BrokerAdapter,
  order: { brokerOrderId: string; clientOrderId: string; symbol: string },
): Promise<Outcome> {
  try {
    await adapter.cancelOrder(order.brokerOrderId);
    return 'cancelled';
  } catch (error) {
    // The order may have filled or gone with its bracket entry between the listing and the cancel:
    // that is not a failure to report, so ask the broker where it stands.
    const now = await adapter.getOrder(order.brokerOrderId).catch(() => null);
    if (now && isFinalStatus(now.status)) return 'closed';
    return { ...order, error: (error as Error).message };
  }
}

/**
 * Cancels every order open at the broker. Bracket entries go first (each takes its unfilled exits with
 * it), then whatever is left, each cancel on its own: one failure never stops the others.
 */
export async function cancelOpenOrders(adapter: BrokerAdapter): Promise<CancelReport> {
  const open = await adapter.getOpenOrders();
  const entries = open.filter((order) => order.parentOrderId === null);
  const children = open.filter((order) => order.parentOrderId !== null);
  const outcomes = [
    ...(await Promise.all(entries.map((order) => cancelOne(adapter, order)))),
    ...(await Promise.all(children.map((order) => cancelOne(adapter, order)))),
  ];
  return {
    cancelled: outcomes.filter((outcome) => outcome === 'cancelled').length,
    alreadyClosed: outcomes.filter((outcome) => outcome === 'closed').length,
    failed: outcomes.filter((outcome): outcome is CancelFailure => typeof outcome === 'object'),
  };
}
