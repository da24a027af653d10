import {
  type BrokerEvent,
  type BrokerOrder,
  dec,
  type Fill,
  InsufficientFundsError,
  InvalidOrderError,
  toDecimalString,
} from '../../paper-engine.js';
import type { TwsAccount } from '../account/tws-account.js';
import type { TwsExecutions } from './tws-executions.js';
import type { TwsOrderMessenger } from './tws-order-messages-out.js';
import { isLive, type TwsOrderRecord } from './tws-order-record.js';
import { TwsTrailingStops } from './tws-trailing-stops.js';

const PAPER_TYPES = {
  MKT: 'market',
  LMT: 'limit',
  STP: 'stop',
  'STP LMT': 'stop_limit',
  TRAIL: 'market',
} as const;
const PAPER_TIF = { DAY: 'day', GTC: 'gtc', IOC: 'ioc', FOK: 'fok' } as const;

/**
 * What becomes of a transmitted order: it works on its account's paper engine (a bracket child only once
 * its parent has filled, a TRAIL only once its trailing stop is touched), its fills come back as IB
 * executions, a filled leg of an OCA group cancels the others, a cancelled parent takes its children.
 */
export class TwsOrderWork {
  private readonly byPerm = new Map<number, TwsOrderRecord>();
  private readonly children = new Map<number, TwsOrderRecord[]>();
  /** Ends the engine reported before the fills that precede them were seen. */
  private readonly pendingEnds = new Map<number, BrokerOrder>();
  private readonly trailing: TwsTrailingStops;

  constructor(
    private readonly accounts: readonly TwsAccount[],
    private readonly executions: TwsExecutions,
    private readonly messenger: TwsOrderMessenger,
    private readonly now: () => number,
  ) {
    this.trailing = new TwsTrailingStops((order) => this.sendToEngine(order));
    for (const account of accounts)
      account.engine.events.subscribe((event) => this.onEngineEvent(account, event));
  }

  /** A transmitted order goes live: held under an unfilled parent, trailing, or on the engine. */
  async start(order: TwsOrderRecord, parent: TwsOrderRecord | undefined): Promise<void> {
    this.byPerm.set(order.permId, order);
    if (parent) this.children.set(parent.permId, [...(this.children.get(parent.permId) ?? []), order]);
    if (parent && parent.state !== 'Filled') {
      order.state = 'PreSubmitted';
      this.messenger.state(order);
      return;
    }
    await this.activate(order);
  }

  async cancel(order: TwsOrderRecord, reason: string): Promise<void> {
    if (!isLive(order)) return;
    if (order.paperId) {
      order.state = 'PendingCancel';
      this.messenger.state(order);
      try {
        await order.account.engine.cancelOrder(order.paperId);
      } catch {
        // Filled or ended meanwhile: its own event tells the client.
      }
      return;
    }
    this.end(order, 'Cancelled', reason);
  }

  private async activate(order: TwsOrderRecord): Promise<void> {
    if (order.orderType === 'TRAIL') {
      order.state = 'PreSubmitted';
      const ticker = await order.account.engine.getTicker(order.instrument.localSymbol);
      this.trailing.arm(order, ticker);
      this.messenger.state(order);
      return;
    }
    await this.sendToEngine(order);
  }

  private async sendToEngine(order: TwsOrderRecord): Promise<void> {
    const untriggered = order.orderType === 'STP' || order.orderType === 'STP LMT';
    // A TRAIL that triggered, or a child whose parent filled, was announced already: it now works.
    if (order.announced && order.state === 'PreSubmitted' && !untriggered) {
      order.state = 'Submitted';
      this.messenger.state(order);
    }
    try {
      const ack = await order.account.engine.placeOrder({
        clientOrderId: String(order.permId),
        symbol: order.instrument.localSymbol,
        side: order.action === 'BUY' ? 'buy' : 'sell',
        type: PAPER_TYPES[order.orderType],
        quantity: toDecimalString(dec(order.quantity).minus(order.filled)),
        price: order.lmtPrice,
        stopPrice: untriggered ? order.auxPrice : undefined,
        timeInForce: PAPER_TIF[order.tif as keyof typeof PAPER_TIF],
      });
      order.paperId ??= ack.brokerOrderId;
      if (!order.announced) this.announce(order);
    } catch (error) {
      if (!(error instanceof InsufficientFundsError) && !(error instanceof InvalidOrderError)) throw error;
      const reason =
        error instanceof InsufficientFundsError
          ? `YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR EQUITY WITH LOAN VALUE MUST EXCEED THE INITIAL MARGIN (${error.message})`
          : error.message;
      this.end(order, 'Inactive', reason);
    }
  }

  /** The first OPEN_ORDER of an order working on the engine: a stop waits untriggered as PreSubmitted. */
  private announce(order: TwsOrderRecord): void {
    order.state = order.orderType === 'STP' || order.orderType === 'STP LMT' ? 'PreSubmitted' : 'Submitted';
    this.messenger.state(order);
  }

  private onEngineEvent(account: TwsAccount, event: BrokerEvent): void {
    if (event.type === 'fill') this.onFill(event.fill);
    else if (event.type === 'order') this.onOrderChange(event.order);
    else if (event.type === 'tick') this.trailing.onTicker(account, event.ticker);
  }

  private onFill(fill: Fill): void {
    const order = this.byPerm.get(Number(fill.clientOrderId));
    if (!order) return;
    order.paperId ??= fill.brokerOrderId;
    if (!order.announced) this.announce(order);
    const before = dec(order.filled);
    const filled = before.plus(fill.quantity);
    order.avgFillPrice = toDecimalString(
      before.times(order.avgFillPrice).plus(dec(fill.quantity).times(fill.price)).div(filled),
    );
    order.filled = toDecimalString(filled);
    order.lastFillPrice = fill.price;
    order.commission = toDecimalString(dec(order.commission).plus(fill.fee));
    order.state = filled.gte(order.quantity) ? 'Filled' : 'Submitted';
    const record = this.executions.book(
      order,
      { quantity: fill.quantity, price: fill.price, fee: fill.fee, maker: fill.liquidity === 'maker' },
      Date.parse(fill.executedAt) || this.now(),
    );
    this.messenger.fill(order, record);
    this.afterFill(order);
    const ended = this.pendingEnds.get(order.permId);
    if (ended && dec(ended.filledQuantity).lte(order.filled)) this.onOrderChange(ended);
  }

  private afterFill(order: TwsOrderRecord): void {
    if (order.ocaGroup !== '') {
      const siblings = [...this.byPerm.values()].filter(
        (other) => other !== order && other.ocaGroup === order.ocaGroup && other.account === order.account,
      );
      for (const sibling of siblings) void this.cancel(sibling, 'OCA group fill');
    }
    if (order.state !== 'Filled') return;
    for (const child of this.children.get(order.permId) ?? [])
      if (isLive(child) && !child.paperId) void this.activate(child);
  }

  private onOrderChange(change: BrokerOrder): void {
    const order = this.byPerm.get(Number(change.clientOrderId));
    if (!order || !isLive(order)) return;
    if (change.status !== 'cancelled' && change.status !== 'expired' && change.status !== 'rejected') return;
    if (dec(change.filledQuantity).gt(order.filled)) {
      this.pendingEnds.set(order.permId, change);
      return;
    }
    this.pendingEnds.delete(order.permId);
    this.end(order, change.status === 'rejected' ? 'Inactive' : 'Cancelled', change.rejectReason ?? '');
  }

  private end(order: TwsOrderRecord, state: 'Cancelled' | 'Inactive', reason: string): void {
    order.state = state;
    order.reason = reason;
    this.trailing.disarm(order);
    this.messenger.ended(order);
    for (const child of this.children.get(order.permId) ?? [])
      if (isLive(child)) void this.cancel(child, 'parent order cancelled');
  }
}
