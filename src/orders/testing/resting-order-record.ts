import type { OrderRecord } from '../order-record.js';
import { newOrderRecord } from '../order-records.js';

/** A new resting limit buy on the paper account, as the order service would store it: for specs. */
export function restingOrderRecord(clientOrderId: string, strategy: string | null = null): OrderRecord {
  return newOrderRecord(
    'paper',
    {
      clientOrderId,
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'limit',
      timeInForce: 'gtc',
      quantity: '0.5',
      price: '100.10',
    },
    `fp-${clientOrderId}`,
    strategy,
  );
}
