import type { StrategyFill, StrategyOrder, StrategyOrderStatus } from '#backtest/strategy/strategy-order.js';
import type { OrderView } from '../../orders/dto/order.view.js';

interface Tracked {
  order: StrategyOrder;
  /** The stored order's id once known: bracket legs point at it with their parentId. */
  storedId: string | null;
  filled: number;
  /** Filled quantity × average price so far, to price each new part of a fill. */
  notional: number;
}

function statusOf(view: OrderView): StrategyOrderStatus {
  switch (view.status) {
    case 'filled':
      return 'filled';
    case 'cancelled':
    case 'expired':
      return 'cancelled';
    case 'rejected':
      return 'rejected';
    default:
      return 'open';
  }
}

/**
 * A run's orders as its strategy sees them (ids are client order ids), kept in step with the stored
 * orders: each stored change that fills more becomes a strategy fill, priced from the change in the
 * average fill price, and moves the run's position. Bracket legs the broker made join when first seen.
 */
export class RunOrderBook {
  private readonly byId = new Map<string, Tracked>();
  private readonly byStoredId = new Map<string, Tracked>();
  /** Signed quantity this run holds from its own fills. */
  position = 0;

  constructor(private readonly symbol: string) {}

  /** A new order of the strategy, open until the order service says otherwise. */
  track(order: StrategyOrder): void {
    this.byId.set(order.id, { order, storedId: null, filled: 0, notional: 0 });
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  storedIdOf(id: string): string | null {
    return this.byId.get(id)?.storedId ?? null;
  }

  get(id: string): StrategyOrder | undefined {
    return this.byId.get(id)?.order;
  }

  open(): StrategyOrder[] {
    return [...this.byId.values()].map((each) => each.order).filter((order) => order.status === 'open');
  }

  /** Drops the orders known only from a link, never stored: the process went down before placing them. */
  forgetUnplaced(): number {
    let forgotten = 0;
    for (const [id, tracked] of this.byId) {
      if (tracked.storedId !== null || tracked.order.status !== 'open') continue;
      this.byId.delete(id);
      forgotten += 1;
    }
    return forgotten;
  }

  /** Marks an order refused before it reached the broker. */
  reject(id: string, reason: string): StrategyOrder | undefined {
    const tracked = this.byId.get(id);
    if (!tracked) return undefined;
    tracked.order = { ...tracked.order, status: 'rejected', reason };
    return tracked.order;
  }

  /** Takes in one stored change; answers the fill it adds, if any, and whether the order is now rejected. */
  apply(view: OrderView): { fill: StrategyFill | null; rejected: StrategyOrder | null } {
    const tracked = this.trackedFor(view);
    if (!tracked) return { fill: null, rejected: null };
    // Changes can arrive after the placement's own answer told of a later state: never step back.
    const filled = Number(view.filledQuantity);
    if (filled < tracked.filled || (tracked.order.status !== 'open' && tracked.storedId !== null)) {
      return { fill: null, rejected: null };
    }
    tracked.storedId = view.id;
    this.byStoredId.set(view.id, tracked);
    const notional = filled * Number(view.averageFillPrice ?? 0);
    const status = statusOf(view);
    const wasRejected = tracked.order.status === 'rejected';
    tracked.order = {
      ...tracked.order,
      side: view.side as StrategyOrder['side'],
      quantity: Number(view.quantity),
      status,
      filledQuantity: filled,
      reason: status === 'rejected' ? (view.rejectReason ?? 'rejected by the broker') : null,
    };
    let fill: StrategyFill | null = null;
    const added = filled - tracked.filled;
    if (added > 0) {
      const price = (notional - tracked.notional) / added;
      fill = {
        orderId: tracked.order.id,
        symbol: this.symbol,
        side: tracked.order.side,
        quantity: added,
        price,
        fee: 0,
        time: Date.parse(view.updatedAt),
      };
      this.position += tracked.order.side === 'buy' ? added : -added;
      tracked.filled = filled;
      tracked.notional = notional;
    }
    return { fill, rejected: status === 'rejected' && !wasRejected ? tracked.order : null };
  }

  private trackedFor(view: OrderView): Tracked | undefined {
    const known = this.byId.get(view.clientOrderId) ?? this.byStoredId.get(view.id);
    if (known) return known;
    const parent = view.parentId === null ? undefined : this.byStoredId.get(view.parentId);
    if (!parent) return undefined;
    const leg: Tracked = {
      order: {
        id: view.clientOrderId,
        symbol: this.symbol,
        side: view.side as StrategyOrder['side'],
        type: view.type === 'limit' ? 'limit' : 'stop',
        quantity: Number(view.quantity),
        filledQuantity: 0,
        limitPrice: view.price === null ? null : Number(view.price),
        stopPrice: view.stopPrice === null ? null : Number(view.stopPrice),
        status: 'open',
        parentId: parent.order.id,
        tag: view.role,
        reason: null,
      },
      storedId: view.id,
      filled: 0,
      notional: 0,
    };
    this.byId.set(leg.order.id, leg);
    return leg;
  }
}
