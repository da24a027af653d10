import type { StrategyFill, StrategyOrder } from '#backtest/strategy/strategy-order.js';
import { ConflictError } from '../../common/errors/app-error.js';
import type { OrderView } from '../../orders/dto/order.view.js';
import { signalRefusalReason } from '../signals/signal-refusal-reason.js';
import type { LiveRunPorts } from './live-run-ports.js';
import type { LiveStrategyContext } from './live-strategy-context.js';
import type { RunOrderBook } from './run-order-book.js';
import { runOrderRequest } from './run-order-request.js';
import type { StrategyRunRecord } from './strategy-run-record.js';

export interface PlacementHooks {
  readonly lastClose: number;
  readonly onFill: (fill: StrategyFill) => void;
  readonly onRejected: (order: StrategyOrder) => void;
}

/**
 * Does what the strategy asked on this bar, in order: its cancels, then its orders, each linked to the run
 * before it is placed (write-ahead, as an order's row is written before the broker hears of it). A bar
 * replayed after a crash asks for the same client order ids: the order service answers with the first
 * order, and a changed size under the same id (equity moved) still resolves to that first order.
 */
export async function placeSubmissions(
  context: LiveStrategyContext,
  book: RunOrderBook,
  run: StrategyRunRecord,
  ports: LiveRunPorts,
  hooks: PlacementHooks,
): Promise<void> {
  for (const id of context.cancels) {
    const stored = book.storedIdOf(id);
    if (!stored) continue;
    await ports.cancelOrder(stored).then(
      (view) => book.apply(view),
      (error: unknown) =>
        ports.logger.warn(`Run ${run.id} could not cancel ${id}: ${(error as Error).message}`),
    );
  }
  for (const submission of context.submissions) {
    const signal = {
      strategy: run.strategy,
      source: 'run' as const,
      signalId: submission.id,
      account: run.account,
      symbol: run.symbol,
    };
    const refuse = (reason: string, message: string): void => {
      ports.signals.refused(signal, reason, message);
      const order = book.reject(submission.id, message);
      if (order) hooks.onRejected(order);
    };
    const order = runOrderRequest(submission.id, submission.request, {
      account: run.account,
      strategy: run.strategy,
      instrument: ports.instrument,
      sizing: run.sizing,
      equity: context.equity,
      lastClose: hooks.lastClose,
    });
    if ('refused' in order) {
      refuse('size', order.refused);
      continue;
    }
    await ports.repository.linkOrder({
      runId: run.id,
      clientOrderId: submission.id,
      barTime: new Date(submission.barTime).toISOString(),
      signalIndex: submission.signalIndex,
      tag: submission.request.tag ?? null,
    });
    let view: OrderView;
    try {
      view = await ports.placeOrder(order);
    } catch (error) {
      const first = firstOrderOf(error);
      if (!first) {
        refuse(signalRefusalReason(error), (error as Error).message);
        continue;
      }
      view = first;
    }
    ports.signals.accepted(signal, view.id);
    const { fill, rejected } = book.apply(view);
    if (fill) hooks.onFill(fill);
    if (rejected) hooks.onRejected(rejected);
  }
}

/** The order already placed under the client order id, when the order service answered that it exists. */
function firstOrderOf(error: unknown): OrderView | undefined {
  if (!(error instanceof ConflictError)) return undefined;
  const details = error.details as { order?: OrderView } | undefined;
  return details?.order;
}
