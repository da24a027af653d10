import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { OrderView } from './dto/order.view.js';
import type { OrderRecord } from './order-record.js';
import { toOrderView } from './order-view.mapper.js';

/**
 * Every order as stored after each change (placed, acknowledged, filled, cancelled, refused), in the order
 * the changes were written. Owned by the orders module; the live stream listens here rather than reaching in.
 */
@Injectable()
export class OrderChanges {
  private readonly subject = new Subject<OrderView>();
  readonly changes: Observable<OrderView> = this.subject.asObservable();

  /** Called right after a write succeeded, never before: a listener sees only what storage holds. */
  publish(order: OrderRecord): void {
    this.subject.next(toOrderView(order));
  }
}
