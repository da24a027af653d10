import { randomUUID } from 'node:crypto';
import type Big from 'big.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import { type BrokerEvent, type BrokerOrder, dec, type Fill, type Position } from '../../paper-engine.js';
import type { BybitExecution } from './bybit-execution.js';
import { orderFieldsOf } from './bybit-execution.js';
import type { BybitOrder, BybitOrderStatus } from './bybit-order.js';
import type { BybitPositionBook, PositionChange } from './bybit-position-book.js';

/** What the translator reads and tells of the account it serves. */
export interface EngineEventContext {
  readonly positions: BybitPositionBook;
  order(orderId: string): BybitOrder | undefined;
  instrument(paperSymbol: string): BybitInstrument | undefined;
  nextExecutionSeq(): number;
  /** The order changed: push it. */
  orderChanged(order: BybitOrder): void;
  /** A trade is complete (its position known): record and push it. */
  executed(execution: BybitExecution, order: BybitOrder): void;
  /** A fill moved a position: push it, and let the account react (TP/SL, reduce-only). */
  positionChanged(change: PositionChange, order: BybitOrder): void;
  /** The engine's cash after a fill; the wallet follows. */
  cashChanged(cash: Big): void;
}

interface PendingFill {
  readonly order: BybitOrder;
  readonly engineOrder: BrokerOrder;
}

interface PendingExecution {
  readonly order: BybitOrder;
  readonly execution: BybitExecution;
  readonly fee: Big;
}

/**
 * Turns the paper engine's event stream into Bybit's: order updates with cumulative figures, one
 * execution per trade with its fee, closed size and PnL, then the position and the wallet, in the
 * order Bybit pushes them. The engine announces a trade as order → fill → position → account; the
 * order update waits for its fill (it needs the fee) and the execution waits for its position (it
 * needs the PnL).
 */
export class EngineEventTranslator {
  private pendingFill: PendingFill | null = null;
  private pendingExecution: PendingExecution | null = null;

  constructor(private readonly context: EngineEventContext) {}

  handle(event: BrokerEvent): void {
    switch (event.type) {
      case 'order':
        this.onOrder(event.order);
        return;
      case 'fill':
        this.onFill(event.fill);
        return;
      case 'position':
        this.onPosition(event.position);
        return;
      case 'account':
        this.context.cashChanged(dec(event.summary.balance));
        return;
      case 'tick':
      case 'connection':
        return;
    }
  }

  private onOrder(engineOrder: BrokerOrder): void {
    // The engine knows each order by the simulator's orderId, handed over as its client order id.
    const order = this.context.order(engineOrder.clientOrderId);
    if (!order) return;
    order.paperOrderId = engineOrder.brokerOrderId;
    if (dec(engineOrder.filledQuantity).gt(order.cumExecQty)) {
      this.pendingFill = { order, engineOrder };
      return;
    }
    applyEngineStatus(order, engineOrder, Date.parse(engineOrder.updatedAt));
    this.context.orderChanged(order);
  }

  private onFill(fill: Fill): void {
    const pending = this.pendingFill;
    this.pendingFill = null;
    const order = pending?.order ?? this.context.order(fill.clientOrderId);
    if (!order) return;
    const qty = dec(fill.quantity);
    const price = dec(fill.price);
    const fee = dec(fill.fee);
    const position = this.context.positions.of(order.instrument);
    const before = position.size;
    const closing = (order.side === 'Buy' && before.lt(0)) || (order.side === 'Sell' && before.gt(0));
    order.cumExecQty = order.cumExecQty.plus(qty);
    order.cumExecValue = order.cumExecValue.plus(qty.times(price));
    order.cumExecFee = order.cumExecFee.plus(fee);
    const timeMs = Date.parse(fill.executedAt);
    if (pending) applyEngineStatus(order, pending.engineOrder, timeMs);
    this.context.orderChanged(order);
    const maker = fill.liquidity === 'maker';
    const instrument = order.instrument;
    const execution: BybitExecution = {
      seq: this.context.nextExecutionSeq(),
      execId: randomUUID(),
      category: order.category,
      symbol: instrument.symbol,
      ...orderFieldsOf(order),
      execPrice: price,
      execQty: qty,
      execValue: qty.times(price),
      execFee: fee,
      feeRate: maker ? instrument.makerFeeRate : instrument.takerFeeRate,
      feeCurrency: instrument.config.quoteCoin,
      isMaker: maker,
      execTime: timeMs,
      closedSize: closing ? (qty.lt(before.abs()) ? qty : before.abs()) : dec(0),
      execPnl: dec(0),
      markPrice: price,
    };
    this.pendingExecution = { order, execution, fee };
  }

  private onPosition(position: Position): void {
    const pending = this.pendingExecution;
    this.pendingExecution = null;
    const instrument = this.context.instrument(position.symbol);
    if (!pending || !instrument) return;
    const change = this.context.positions.apply(instrument, position, pending.fee, pending.execution.seq);
    pending.execution.execPnl = change.realized;
    pending.execution.markPrice = dec(position.markPrice);
    this.context.executed(pending.execution, pending.order);
    this.context.positionChanged(change, pending.order);
  }
}

/** Bybit's status for the engine's: a derivative cancelled after fills stays `Cancelled`, spot says so. */
export function applyEngineStatus(order: BybitOrder, engineOrder: BrokerOrder, timeMs: number): void {
  order.updatedTime = timeMs;
  const status = statusOf(order, engineOrder);
  if (status === order.status) return;
  order.status = status;
  if (status === 'Cancelled' || status === 'PartiallyFilledCanceled' || status === 'Rejected') {
    order.cancelType = order.pendingCancelType ?? 'UNKNOWN';
    if (order.pendingCancelType === null) order.rejectReason = engineCancelReason(order);
    order.pendingCancelType = null;
  }
}

function statusOf(order: BybitOrder, engineOrder: BrokerOrder): BybitOrderStatus {
  switch (engineOrder.status) {
    case 'new':
    case 'submitted':
      return 'New';
    case 'partially_filled':
      return 'PartiallyFilled';
    case 'filled':
      return 'Filled';
    case 'rejected':
      return 'Rejected';
    case 'cancelled':
    case 'expired':
      return order.category === 'spot' && order.cumExecQty.gt(0) ? 'PartiallyFilledCanceled' : 'Cancelled';
  }
}

/** Why the engine ended an order nobody cancelled: its time in force (docs/v5/enum.mdx rejectReason). */
function engineCancelReason(order: BybitOrder): string {
  if (order.timeInForce === 'FOK') return 'EC_CancelForNoFullFill';
  if (order.timeInForce === 'IOC') return 'EC_NoImmediateQtyToFill';
  return 'EC_Others';
}
