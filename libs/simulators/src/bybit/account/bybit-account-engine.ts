import type Big from 'big.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import {
  type BrokerEvent,
  PaperAdapter,
  type PaperInstrumentConfig,
  toDecimalString,
} from '../../paper-engine.js';
import { type BybitOrder, isConditional } from './bybit-order.js';

/**
 * One account's own paper engine (the matching, the margin ledger, the fills), and the follow-up work
 * its events ask for: an event is handled while the engine is still inside the operation that raised
 * it, so work that must call the engine again (a position's TP/SL, a reduce-only trim) waits in line
 * until the operation has delivered all its events.
 */
export class BybitAccountEngine {
  private readonly engine: PaperAdapter;
  private readonly followUps: (() => Promise<void>)[] = [];
  private draining = false;

  constructor(
    uid: number,
    startingBalance: string,
    instruments: PaperInstrumentConfig[],
    clock: () => number,
    onEvent: (event: BrokerEvent) => void,
  ) {
    this.engine = new PaperAdapter(
      {
        account: `bybit-${uid}`,
        currency: 'USDT',
        startingCash: startingBalance,
        // Each instrument carries its own fee rates.
        takerFeeBps: 0,
        makerFeeBps: 0,
        slippageBps: 0,
        tickIntervalMs: 0,
        seed: uid,
        historyMinutes: 0,
        instruments,
      },
      clock,
    );
    this.engine.events.subscribe(onEvent);
  }

  connect(): Promise<void> {
    return this.engine.connect();
  }

  disconnect(): Promise<void> {
    return this.engine.disconnect();
  }

  /** Queues work to run once the current engine operation has delivered its events. */
  later(followUp: () => Promise<void>): void {
    this.followUps.push(followUp);
  }

  /** Runs an engine operation, then the follow-ups its events asked for, until none are left. */
  async operate<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } finally {
      if (!this.draining) {
        this.draining = true;
        try {
          for (let next = this.followUps.shift(); next; next = this.followUps.shift()) await next();
        } finally {
          this.draining = false;
        }
      }
    }
  }

  /** Hands `order` to the engine for `qty` base coin. The engine's events update the record. */
  async place(order: BybitOrder, qty: Big): Promise<void> {
    order.paperQty = qty;
    const closing = order.closeOnTrigger && isConditional(order);
    await this.engine.placeOrder({
      clientOrderId: order.orderId,
      symbol: order.instrument.paperSymbol,
      side: order.side === 'Buy' ? 'buy' : 'sell',
      type: order.orderType === 'Market' ? 'market' : 'limit',
      quantity: toDecimalString(qty),
      ...(order.price ? { price: toDecimalString(order.price) } : {}),
      // A triggered TP/SL keeps working until the position is closed; Bybit's Market is IOC otherwise.
      timeInForce: closing ? 'gtc' : engineTimeInForce(order),
    });
  }

  async cancel(engineOrderId: string): Promise<void> {
    await this.engine.cancelOrder(engineOrderId);
  }

  /** Mirrors a market quote: resting orders match against it. */
  setQuote(instrument: BybitInstrument, bid: Big, ask: Big): void {
    this.engine.setQuote(instrument.paperSymbol, bid.toFixed(), ask.toFixed());
  }

  /** Mirrors the quoted size: resting orders get the new depth at once. */
  setDepth(instrument: BybitInstrument, depth: Big): void {
    this.engine.setDepth(instrument.paperSymbol, depth.toFixed());
  }
}

function engineTimeInForce(order: BybitOrder): 'gtc' | 'ioc' | 'fok' {
  if (order.orderType === 'Market' || order.timeInForce === 'IOC') return 'ioc';
  if (order.timeInForce === 'FOK') return 'fok';
  return 'gtc';
}
