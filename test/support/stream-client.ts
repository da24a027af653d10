import { io, type Socket } from 'socket.io-client';

/** The fields the tests read; the rest of each object is compared whole. */
export interface StreamOrder {
  id: string;
  clientOrderId: string;
  status: string;
  [field: string]: unknown;
}
export interface StreamFill {
  executionId: string;
  clientOrderId: string;
  [field: string]: unknown;
}
export interface StreamPosition {
  symbol: string;
  quantity: string;
  markPrice: string;
  [field: string]: unknown;
}
export interface StreamPnl {
  equity: string;
  dailyPnl: string;
  positions: StreamPosition[];
  [field: string]: unknown;
}
export interface StreamTicker {
  symbol: string;
  bid: string;
  ask: string;
  [field: string]: unknown;
}

type EventData = {
  orders?: StreamOrder[];
  kind?: 'order' | 'fill';
  order?: StreamOrder;
  fill?: StreamFill;
  positions?: StreamPosition[];
  symbol?: string;
  ticker?: StreamTicker | null;
  [field: string]: unknown;
};

export interface StreamEvent {
  channel: string;
  account: string;
  type: 'snapshot' | 'delta';
  seq: number;
  epoch: string;
  ts: string;
  data: EventData;
}

export interface Envelope {
  status: 'success' | 'error';
  data: { statusCode?: number; subscriptions?: unknown[]; [field: string]: unknown } | null;
  message: string;
}

interface StreamState {
  epoch: string;
  seq: number;
}

const CHANNELS = ['orders', 'positions', 'pnl', 'account', 'prices'];

/**
 * A /ws/broker client as a UI would write one: it keeps a view of each stream (snapshot, then deltas),
 * checks that every delta is exactly one more than the last, and notes each gap it sees.
 */
export class StreamClient {
  readonly events: StreamEvent[] = [];
  readonly gaps: string[] = [];
  /** Orders by id, from `orders` snapshots and deltas. */
  readonly orders = new Map<string, StreamOrder>();
  readonly fills: StreamFill[] = [];
  positions: StreamPosition[] | undefined;
  pnl: StreamPnl | null | undefined;
  account: Record<string, unknown> | undefined;
  readonly prices = new Map<string, StreamTicker>();
  private readonly streams = new Map<string, StreamState>();
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: Socket) {
    for (const channel of CHANNELS) socket.on(channel, (event: StreamEvent) => this.receive(event));
  }

  /** Connects with `token`; rejects with the server's refusal. */
  static connect(
    url: string,
    token: string | undefined,
    options: { reconnection?: boolean } = {},
  ): Promise<StreamClient> {
    const socket = io(`${url}/ws/broker`, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    const client = new StreamClient(socket);
    return new Promise((resolve, reject) => {
      const refused = (error: Error & { data?: unknown }): void => {
        socket.close();
        reject(error);
      };
      socket.once('connect_error', refused);
      socket.once('connect', () => {
        // Later connect errors are reconnection attempts, for the client's own retry loop.
        socket.off('connect_error', refused);
        resolve(client);
      });
    });
  }

  request(message: string, payload: unknown = {}): Promise<Envelope> {
    return this.socket.timeout(5000).emitWithAck(message, payload) as Promise<Envelope>;
  }

  /** Resolves once `predicate` holds over what was received, or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; received ${this.events.length} events`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  deltas(channel: string): StreamEvent[] {
    return this.events.filter((event) => event.channel === channel && event.type === 'delta');
  }

  close(): void {
    this.socket.close();
  }

  private receive(event: StreamEvent): void {
    this.events.push(event);
    const id = `${event.channel}|${event.account}|${event.channel === 'prices' ? (event.data.symbol ?? '') : ''}`;
    const known = this.streams.get(id);
    if (event.type === 'snapshot') {
      this.streams.set(id, { epoch: event.epoch, seq: event.seq });
      this.apply(event, true);
    } else if (known && known.epoch === event.epoch && event.seq <= known.seq) {
      // Already part of the snapshot.
    } else if (!known || known.epoch !== event.epoch || event.seq !== known.seq + 1) {
      this.gaps.push(`${id}: after ${known?.seq ?? 'no snapshot'} got ${event.seq}`);
      if (known) known.seq = event.seq;
      this.apply(event, false);
    } else {
      known.seq = event.seq;
      this.apply(event, false);
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  private apply(event: StreamEvent, snapshot: boolean): void {
    switch (event.channel) {
      case 'orders': {
        const { orders = [], order, fill } = event.data;
        if (snapshot) for (const each of orders) this.orders.set(each.id, each);
        else if (order) this.orders.set(order.id, order);
        else if (fill) this.fills.push(fill);
        return;
      }
      case 'positions':
        this.positions = event.data.positions;
        return;
      case 'pnl':
        this.pnl = event.data as unknown as StreamPnl | null;
        return;
      case 'account':
        this.account = event.data;
        return;
      case 'prices':
        if (event.data.ticker && event.data.symbol) this.prices.set(event.data.symbol, event.data.ticker);
    }
  }
}
