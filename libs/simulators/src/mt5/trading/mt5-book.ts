import type Big from 'big.js';
import { dec } from '../../paper-engine.js';
import { DEAL_ENTRY, ORDER_STATE } from '#brokers/mt5/bridge/bridge-commands.js';
import { profitOf } from './mt5-money.js';
import { isBuyType, type Mt5Deal, type Mt5Order, type Mt5Position } from './mt5-records.js';
import type { Mt5Tickets } from './mt5-tickets.js';

/** What executing an order did: its deal, and the position it opened, changed, reversed or closed. */
export interface Mt5Execution {
  readonly deal: Mt5Deal;
  readonly position: Mt5Position;
  readonly closed: boolean;
}

/**
 * The account's trading state on the trade server: positions, pending orders, the history of orders
 * and deals, and the balance. {@link execute} is the one place a deal is booked, under MT5's position
 * rules: netting keeps one position per symbol (an opposite deal reduces it, a bigger one reverses it
 * with one INOUT deal, the ticket moving to the reversing order's and the identifier staying); hedging
 * opens a position per deal unless the order names the position it closes.
 */
export class Mt5Book {
  readonly positions: Mt5Position[] = [];
  readonly pending = new Map<string, Mt5Order>();
  readonly historyOrders: Mt5Order[] = [];
  readonly deals: Mt5Deal[] = [];
  balance: Big;

  constructor(
    private readonly netting: boolean,
    private readonly currency: string,
    private readonly tickets: Mt5Tickets,
    startingBalance: string,
    nowMs: number,
  ) {
    this.balance = dec(startingBalance);
    // Every account's history starts with the deposit: a balance deal with no order and no symbol.
    this.deals.push({
      ticket: tickets.nextDeal(),
      order: '0',
      timeMs: nowMs,
      type: 2,
      entry: DEAL_ENTRY.IN,
      magic: '0',
      positionId: '0',
      reason: 0,
      volume: dec(0),
      price: dec(0),
      profit: dec(startingBalance),
      symbol: '',
      comment: 'Initial deposit',
    });
  }

  position(ticket: string): Mt5Position | undefined {
    return this.positions.find((p) => p.ticket === ticket);
  }

  /** Netting: the symbol's one position. */
  positionOf(symbol: string): Mt5Position | undefined {
    return this.positions.find((p) => p.symbol.name === symbol);
  }

  /** Fills `order` completely at `price` and moves it to history. */
  execute(order: Mt5Order, price: Big, reason: number, nowMs: number): Mt5Execution {
    const buy = isBuyType(order.type);
    const volume = order.volumeCurrent;
    const target = order.closes
      ? this.position(order.closes)
      : this.netting
        ? this.positionOf(order.symbol.name)
        : undefined;
    let entry: number = DEAL_ENTRY.IN;
    let profit = dec(0);
    let position: Mt5Position;
    let closed = false;
    if (!target) {
      position = {
        ticket: order.ticket,
        identifier: order.ticket,
        symbol: order.symbol,
        type: buy ? 0 : 1,
        volume,
        priceOpen: price,
        sl: order.sl,
        tp: order.tp,
        magic: order.magic,
        comment: order.comment,
        reason,
        timeMs: nowMs,
        timeUpdateMs: nowMs,
      };
      this.positions.push(position);
    } else if ((target.type === 0) === buy) {
      position = target;
      const total = target.volume.plus(volume);
      target.priceOpen = target.priceOpen.times(target.volume).plus(price.times(volume)).div(total);
      target.volume = total;
      this.takeLevels(target, order);
    } else {
      position = target;
      const closing = volume.lt(target.volume) ? volume : target.volume;
      profit = profitOf(order.symbol, target.type === 0, closing, target.priceOpen, price, this.currency);
      entry = DEAL_ENTRY.OUT;
      if (volume.lt(target.volume)) target.volume = target.volume.minus(volume);
      else if (volume.eq(target.volume)) {
        closed = true;
        this.positions.splice(this.positions.indexOf(target), 1);
      } else {
        entry = DEAL_ENTRY.INOUT;
        target.ticket = order.ticket;
        target.type = buy ? 0 : 1;
        target.volume = volume.minus(target.volume);
        target.priceOpen = price;
        target.sl = order.sl;
        target.tp = order.tp;
        target.timeMs = nowMs;
      }
    }
    position.magic = order.magic;
    position.timeUpdateMs = nowMs;
    this.balance = this.balance.plus(profit);
    const deal: Mt5Deal = {
      ticket: this.tickets.nextDeal(),
      order: order.ticket,
      timeMs: nowMs,
      type: buy ? 0 : 1,
      entry,
      magic: order.magic,
      positionId: position.identifier,
      reason,
      volume,
      price,
      profit,
      symbol: order.symbol.name,
      comment: order.comment,
    };
    this.deals.push(deal);
    order.positionId = position.identifier;
    order.volumeCurrent = dec(0);
    this.finish(order, ORDER_STATE.FILLED, nowMs);
    return { deal, position, closed };
  }

  /**
   * TRADE_ACTION_CLOSE_BY (hedging): two opposite positions of one symbol close against each other by
   * the smaller volume, with one DEAL_ENTRY_OUT_BY deal apiece, both at `by`'s open price: the pair's
   * whole result (the difference of the open prices) lands on `position`'s deal, `by`'s is zero. The
   * bigger one keeps the rest; the CLOSE_BY order goes to history filled.
   */
  closeBy(order: Mt5Order, position: Mt5Position, by: Mt5Position, nowMs: number): Mt5Deal[] {
    const volume = position.volume.lt(by.volume) ? position.volume : by.volume;
    const deals = [
      [position, by.priceOpen],
      [by, by.priceOpen],
    ].map(([closed, price]) => {
      const target = closed as Mt5Position;
      const at = price as Big;
      const profit = profitOf(target.symbol, target.type === 0, volume, target.priceOpen, at, this.currency);
      this.balance = this.balance.plus(profit);
      target.volume = target.volume.minus(volume);
      target.timeUpdateMs = nowMs;
      const deal: Mt5Deal = {
        ticket: this.tickets.nextDeal(),
        order: order.ticket,
        timeMs: nowMs,
        type: target.type === 0 ? 1 : 0,
        entry: DEAL_ENTRY.OUT_BY,
        magic: order.magic,
        positionId: target.identifier,
        reason: order.reason,
        volume,
        price: at,
        profit,
        symbol: target.symbol.name,
        comment: order.comment,
      };
      this.deals.push(deal);
      return deal;
    });
    for (const closed of [position, by])
      if (closed.volume.eq(0)) this.positions.splice(this.positions.indexOf(closed), 1);
    order.positionId = position.identifier;
    order.volumeCurrent = dec(0);
    this.finish(order, ORDER_STATE.FILLED, nowMs);
    return deals;
  }

  /** Ends a live order (filled, cancelled, expired) and moves it to history. */
  finish(order: Mt5Order, state: number, nowMs: number): void {
    order.state = state;
    order.timeDoneMs = nowMs;
    this.pending.delete(order.ticket);
    this.historyOrders.push(order);
  }

  /** A netting deal that adds to a position and carries SL/TP sets them on it. */
  private takeLevels(position: Mt5Position, order: Mt5Order): void {
    if (!order.sl.eq(0)) position.sl = order.sl;
    if (!order.tp.eq(0)) position.tp = order.tp;
  }
}
