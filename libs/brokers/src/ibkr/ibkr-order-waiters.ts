import { isFinalStatus, type BrokerOrder, type OrderAck } from '../domain/index.js';
import { BrokerTimeoutError, type BrokerError } from '../errors/index.js';

interface Waiter<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: BrokerError) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * The calls waiting on TWS about one order: a placement waits for its first OPEN_ORDER or ORDER_STATUS
 * (or an error with its id), a cancel for the order to become final (or a cancel error).
 */
export class IbkrOrderWaiters {
  private readonly acks = new Map<number, Waiter<OrderAck>>();
  private readonly cancels = new Map<number, Waiter<BrokerOrder>[]>();

  constructor(private readonly timeoutMs: number) {}

  awaitAck(orderId: number, clientOrderId: string): Promise<OrderAck> {
    return new Promise<OrderAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(orderId);
        reject(
          new BrokerTimeoutError(
            `TWS did not acknowledge order ${orderId} (${clientOrderId}) within ${this.timeoutMs} ms; it may be live: look it up by its client order id`,
            { broker: 'ibkr' },
          ),
        );
      }, this.timeoutMs);
      timer.unref();
      this.acks.set(orderId, { resolve, reject, timer });
    });
  }

  awaitFinal(orderId: number): Promise<BrokerOrder> {
    return new Promise<BrokerOrder>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.dropCancel(orderId, waiter);
        reject(
          new BrokerTimeoutError(
            `TWS did not confirm the cancel of order ${orderId} within ${this.timeoutMs} ms`,
            { broker: 'ibkr' },
          ),
        );
      }, this.timeoutMs);
      timer.unref();
      const waiter: Waiter<BrokerOrder> = { resolve, reject, timer };
      this.cancels.set(orderId, [...(this.cancels.get(orderId) ?? []), waiter]);
    });
  }

  isCancelling(orderId: number): boolean {
    return (this.cancels.get(orderId)?.length ?? 0) > 0;
  }

  /** The order moved: a waiting placement is acknowledged, a waiting cancel ends once it is final. */
  orderChanged(order: BrokerOrder): void {
    const orderId = Number(order.brokerOrderId);
    const ack = this.acks.get(orderId);
    if (ack) {
      this.acks.delete(orderId);
      clearTimeout(ack.timer);
      ack.resolve({
        brokerOrderId: order.brokerOrderId,
        clientOrderId: order.clientOrderId,
        status: order.status,
        receivedAt: new Date().toISOString(),
      });
    }
    if (isFinalStatus(order.status)) this.settleCancels(orderId, (waiter) => waiter.resolve(order));
  }

  /** Fails the placement waiting on `orderId`; false when none waits. */
  failAck(orderId: number, error: BrokerError): boolean {
    const ack = this.acks.get(orderId);
    if (!ack) return false;
    this.acks.delete(orderId);
    clearTimeout(ack.timer);
    ack.reject(error);
    return true;
  }

  /** Ends the cancels waiting on `orderId` with `settle`; false when none waits. */
  settleCancels(orderId: number, settle: (waiter: Waiter<BrokerOrder>) => void): boolean {
    const waiters = this.cancels.get(orderId);
    if (!waiters?.length) return false;
    this.cancels.delete(orderId);
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      settle(waiter);
    }
    return true;
  }

  /** The socket is gone: nothing will answer; a placement's fate is unknown until reconciled. */
  failAll(error: (orderId: number) => BrokerError): void {
    for (const orderId of [...this.acks.keys()]) this.failAck(orderId, error(orderId));
    for (const orderId of [...this.cancels.keys()])
      this.settleCancels(orderId, (waiter) => waiter.reject(error(orderId)));
  }

  private dropCancel(orderId: number, waiter: Waiter<BrokerOrder>): void {
    const rest = (this.cancels.get(orderId) ?? []).filter((each) => each !== waiter);
    if (rest.length) this.cancels.set(orderId, rest);
    else this.cancels.delete(orderId);
  }
}
