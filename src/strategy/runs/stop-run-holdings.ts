import { createHash } from 'node:crypto';
import { dec, isFinalStatus } from '#brokers';
import type { OrderRecord } from '../../orders/order-record.js';
import type { OrderService } from '../../orders/order.service.js';
import type { StopRunDto } from '../dto/stop-run.dto.js';
import type { StrategyRunRecord } from './strategy-run-record.js';
import type { StrategyRunRepository } from './strategy-run.repository.js';

interface StopPorts {
  readonly orders: Pick<OrderService, 'cancel' | 'place'>;
  readonly repository: Pick<StrategyRunRepository, 'linkOrder'>;
  readonly ordersOf: () => Promise<OrderRecord[]>;
}

/** The client order id of the market order that flattens a stopped run: one per run, so a retry is the same. */
export function flattenClientOrderId(runId: string): string {
  return `rn-${createHash('sha256').update(`${runId}\u0000flatten`).digest('hex').slice(0, 32)}`;
}

/**
 * What a stop asks for the run's holdings: its open orders cancelled (with `cancelOrders`, and always
 * before a flatten, so no resting order trades against the closing one), then its position closed with
 * one market order. Answers what could not be done, in words; the stop itself stands either way.
 */
export async function stopRunHoldings(
  run: StrategyRunRecord,
  options: StopRunDto,
  ports: StopPorts,
): Promise<string[]> {
  const problems: string[] = [];
  if (!options.cancelOrders && !options.flatten) return problems;
  const orders = await ports.ordersOf();
  for (const order of orders.filter((each) => !isFinalStatus(each.status))) {
    await ports.orders.cancel(order.id).catch((error: unknown) => {
      problems.push(`order ${order.id} was not cancelled: ${(error as Error).message}`);
    });
  }
  // Exact, from the stored fills of its orders: a float sum of fills would not be on the lot grid.
  const position = orders.reduce(
    (held, order) =>
      order.side === 'buy' ? held.plus(order.filledQuantity) : held.minus(order.filledQuantity),
    dec(0),
  );
  if (options.flatten && !position.eq(0)) {
    const clientOrderId = flattenClientOrderId(run.id);
    await ports.repository.linkOrder({
      runId: run.id,
      clientOrderId,
      barTime: new Date().toISOString(),
      signalIndex: -1,
      tag: 'flatten',
    });
    await ports.orders
      .place({
        account: run.account,
        symbol: run.symbol,
        side: position.gt(0) ? 'sell' : 'buy',
        type: 'market',
        quantity: position.abs().toFixed(),
        timeInForce: 'gtc',
        strategy: run.strategy,
        clientOrderId,
      })
      .catch((error: unknown) => {
        problems.push(`the position was not closed: ${(error as Error).message}`);
      });
  }
  return problems;
}
