import type { CommissionReport, Contract, ContractDetails, Execution, Order, OrderState } from '@stoqey/ib';
import type { VenueLogger } from '../port/broker-venue.js';

/** The IBApi events the adapter listens to, with their runtime signatures (pitfall 3: `error` has one). */
export interface IbkrWireEvents {
  error: [error: Error, code: number, id: number];
  info: [message: string, code: number];
  openOrder: [orderId: number, contract: Contract, order: Order, orderState: OrderState];
  openOrderEnd: [];
  orderStatus: [
    orderId: number,
    status: string,
    filled: number,
    remaining: number,
    avgFillPrice: number,
    permId: number | undefined,
    parentId: number | undefined,
  ];
  execDetails: [reqId: number, contract: Contract, execution: Execution];
  execDetailsEnd: [reqId: number];
  commissionReport: [report: CommissionReport];
  contractDetails: [reqId: number, details: ContractDetails];
  contractDetailsEnd: [reqId: number];
  position: [account: string, contract: Contract, pos: number, avgCost: number | undefined];
  positionEnd: [];
  accountSummary: [reqId: number, account: string, tag: string, value: string, currency: string];
  accountSummaryEnd: [reqId: number];
  pnl: [reqId: number, dailyPnL: number, unrealizedPnL: number | undefined, realizedPnL: number | undefined];
  historicalData: [
    reqId: number,
    time: string,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
  ];
  tickPrice: [reqId: number, field: number, value: number];
  tickSize: [reqId: number, field: number | undefined, value: number | undefined];
}

export type IbkrWireName = keyof IbkrWireEvents;
type Listener<K extends IbkrWireName> = (...args: IbkrWireEvents[K]) => void;

/**
 * The adapter's own fan-out of IBApi events: it outlives each IBApi instance (a new one per connection,
 * so nothing the library queued for an old socket is ever replayed), and it runs every listener in a
 * try/catch because an exception thrown inside the library's socket handler is an uncaught exception
 * (pitfall 4) that would take the process down.
 */
export class IbkrWire {
  private readonly listeners = new Map<IbkrWireName, Set<(...args: never[]) => void>>();

  constructor(private readonly log: VenueLogger) {}

  on<K extends IbkrWireName>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    const stored = listener as unknown as (...args: never[]) => void;
    set.add(stored);
    return () => set.delete(stored);
  }

  emit<K extends IbkrWireName>(name: K, ...args: IbkrWireEvents[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as unknown as Listener<K>)(...args);
      } catch (error) {
        this.log('error', `IB ${name} listener failed: ${(error as Error).message}`);
      }
    }
  }
}
