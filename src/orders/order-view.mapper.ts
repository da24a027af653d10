import type { OrderView } from './dto/order.view.js';
import type { OrderRecord } from './order-record.js';

export function toOrderView(record: OrderRecord): OrderView {
  const { fingerprint: _fingerprint, revision: _revision, ...view } = record;
  return view;
}
