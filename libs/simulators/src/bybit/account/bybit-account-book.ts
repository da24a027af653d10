import type Big from 'big.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import type { BybitMarket } from '../market/bybit-market.js';
import { markPriceOf } from '../market/bybit-ticker-view.js';
import { dec } from '../../paper-engine.js';
import { type BybitExecution, toWsExecution } from './bybit-execution.js';
import { type BybitOrder, isOpenStatus } from './bybit-order.js';
import { toWsOrder } from './bybit-order-view.js';
import { BybitPositionBook, type BybitPositionState } from './bybit-position-book.js';
import { toWsPosition } from './bybit-position-view.js';
import type { BybitPrivateTopic, BybitPushSink } from './bybit-private-push.js';
import { type MarkedPosition, walletFigures, type WalletFigures } from './bybit-wallet.js';
import { toWalletView } from './bybit-wallet-view.js';

/**
 * An account's records as Bybit would hold them: orders (open and closed), executions, positions and
 * the cash behind the wallet, with the pushes that announce their changes.
 */
export class BybitAccountBook {
  readonly positions: BybitPositionBook;
  private readonly orders = new Map<string, BybitOrder>();
  private readonly linkIds = new Map<string, string>();
  private readonly executionLog: BybitExecution[] = [];
  private readonly closedPnl = new Map<string, Big>();
  private orderSequence = 0;
  private executionSequence = 0;

  constructor(
    readonly uid: number,
    private cash: Big,
    private readonly market: BybitMarket,
    private readonly clock: () => number,
    private readonly sink: BybitPushSink,
  ) {
    this.positions = new BybitPositionBook(clock);
  }

  nextOrderSequence(): number {
    this.orderSequence += 1;
    return this.orderSequence;
  }

  nextExecutionSeq(): number {
    this.executionSequence += 1;
    return this.executionSequence;
  }

  add(order: BybitOrder): void {
    this.orders.set(order.orderId, order);
    if (order.orderLinkId !== '') this.linkIds.set(order.orderLinkId, order.orderId);
  }

  /** Forgets an order the engine refused: it was never accepted, so its orderLinkId is free again. */
  discard(order: BybitOrder): void {
    this.orders.delete(order.orderId);
    if (this.linkIds.get(order.orderLinkId) === order.orderId) this.linkIds.delete(order.orderLinkId);
  }

  order(orderId: string): BybitOrder | undefined {
    return this.orders.get(orderId);
  }

  byLinkId(orderLinkId: string): BybitOrder | undefined {
    const orderId = this.linkIds.get(orderLinkId);
    return orderId === undefined ? undefined : this.orders.get(orderId);
  }

  hasLinkId(orderLinkId: string): boolean {
    return this.linkIds.has(orderLinkId);
  }

  /** Orders of `category` (all when omitted), newest first. */
  allOrders(category?: BybitCategory): BybitOrder[] {
    const all = [...this.orders.values()].reverse();
    return category === undefined ? all : all.filter((order) => order.category === category);
  }

  openOrders(category?: BybitCategory): BybitOrder[] {
    return this.allOrders(category).filter((order) => isOpenStatus(order.status));
  }

  /** Executions of `category` (all when omitted), newest first. */
  executions(category?: BybitCategory): BybitExecution[] {
    const all = [...this.executionLog].reverse();
    return category === undefined ? all : all.filter((execution) => execution.category === category);
  }

  recordExecution(execution: BybitExecution): void {
    this.executionLog.push(execution);
    this.closedPnl.set(
      execution.orderId,
      (this.closedPnl.get(execution.orderId) ?? dec(0)).plus(execution.execPnl),
    );
  }

  setCash(cash: Big): void {
    this.cash = cash;
  }

  /** The mark price of `instrument`: the middle of the shared market's book. */
  mark(instrument: BybitInstrument): Big {
    return markPriceOf(this.market.quote(instrument));
  }

  markedPositions(): MarkedPosition[] {
    return this.positions.all().map((state) => ({ state, mark: this.mark(state.instrument) }));
  }

  wallet(): WalletFigures {
    const spotCoins = this.market.instruments('spot').map((instrument) => instrument.config.baseCoin);
    return walletFigures('USDT', this.cash, this.markedPositions(), this.openOrders(), spotCoins);
  }

  pushOrder(order: BybitOrder): void {
    const closedPnl = this.closedPnl.get(order.orderId) ?? dec(0);
    this.push('order', order.category, [toWsOrder(order, closedPnl)]);
  }

  pushExecution(execution: BybitExecution): void {
    this.push('execution', execution.category, [toWsExecution(execution)]);
  }

  /** Linear only: spot has no positions, its coins show in the wallet. */
  pushPosition(state: BybitPositionState): void {
    if (state.instrument.category !== 'linear') return;
    this.push('position', 'linear', [toWsPosition(state, this.mark(state.instrument))]);
  }

  pushWallet(): void {
    this.push('wallet', null, [toWalletView(this.wallet())]);
  }

  private push(
    topic: BybitPrivateTopic,
    category: BybitCategory | null,
    data: Record<string, unknown>[],
  ): void {
    this.sink({ uid: this.uid, topic, category, data, creationTime: this.clock() });
  }
}
