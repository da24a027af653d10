import type { BybitAccount } from '../account/bybit-account.js';
import { toRestExecution } from '../account/bybit-execution.js';
import { type BybitOrder, isConditional, isOpenStatus } from '../account/bybit-order.js';
import { toRestOrder } from '../account/bybit-order-view.js';
import { toRestPosition } from '../account/bybit-position-view.js';
import { toWalletView } from '../account/bybit-wallet-view.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import { paginate } from './bybit-cursor.js';
import { findOrder } from './bybit-order-routes.js';
import {
  type BybitParams,
  categoryParam,
  integerParam,
  optionalString,
  paramsError,
  present,
  timeParam,
} from './bybit-params.js';
import type { BybitRoute } from './bybit-route.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const CLOSED_RETRY_WINDOW_MS = DAY_MS;

/** symbol, baseCoin or settleCoin: one is required to list linear orders or positions. */
function requireScope(params: BybitParams, names: readonly string[]): void {
  if (names.every((name) => present(params, name) === undefined)) {
    throw paramsError(`Missing some parameters that must be filled in, ${names.join(' or ')}`);
  }
}

/** Orders matching the common filters of realtime and history. */
function scoped(orders: BybitOrder[], params: BybitParams): BybitOrder[] {
  const symbol = optionalString(params, 'symbol');
  const baseCoin = optionalString(params, 'baseCoin');
  const settleCoin = optionalString(params, 'settleCoin');
  const filter = optionalString(params, 'orderFilter');
  return orders.filter((order) => {
    if (symbol !== undefined && order.instrument.symbol !== symbol) return false;
    if (baseCoin !== undefined && order.instrument.config.baseCoin !== baseCoin) return false;
    if (settleCoin !== undefined && order.instrument.config.quoteCoin !== settleCoin) return false;
    if (filter === 'Order') return !isConditional(order);
    if (filter === 'StopOrder') return isConditional(order);
    return filter === undefined;
  });
}

/**
 * [start, end] of a history query: 7 days back by default, 7 days from whichever bound is given, and
 * never wider than 7 days (docs/v5/order/order-list.mdx, execution.mdx).
 */
function timeRange(params: BybitParams, nowMs: number): { start: number; end: number } {
  const start = timeParam(params, 'startTime');
  const end = timeParam(params, 'endTime');
  if (start !== undefined && end !== undefined) {
    if (end < start || end - start > WEEK_MS)
      throw paramsError('The time range between startTime and endTime must be within 7 days');
    return { start, end };
  }
  if (start !== undefined) return { start, end: start + WEEK_MS };
  if (end !== undefined) return { start: end - WEEK_MS, end };
  return { start: nowMs - WEEK_MS, end: nowMs };
}

function realtime(account: BybitAccount, params: BybitParams, recentClosed: number): unknown {
  const category = categoryParam(params);
  if (category === 'linear') requireScope(params, ['symbol', 'baseCoin', 'settleCoin']);
  const limit = integerParam(params, 'limit', 1, 50, 20);
  const cursor = optionalString(params, 'cursor');
  const orderId = optionalString(params, 'orderId');
  const orderLinkId = optionalString(params, 'orderLinkId');
  let orders: BybitOrder[];
  if (orderId !== undefined || orderLinkId !== undefined) {
    // By id, open or closed: `openOnly` is ignored (docs/v5/order/open-order.mdx).
    const order = findOrder(account, category, undefined, orderId, orderLinkId);
    orders = scoped(order ? [order] : [], params);
  } else {
    const openOnly = integerParam(params, 'openOnly', 0, 1, 0);
    const all = account.book.allOrders(category);
    orders = scoped(
      openOnly === 0
        ? all.filter((order) => isOpenStatus(order.status))
        : all.filter((order) => !isOpenStatus(order.status)).slice(0, recentClosed),
      params,
    );
  }
  const page = paginate(orders, (order) => order.sequence, limit, cursor);
  return { category, list: page.list.map(toRestOrder), nextPageCursor: page.nextPageCursor };
}

function history(account: BybitAccount, params: BybitParams, nowMs: number): unknown {
  const category = categoryParam(params);
  const limit = integerParam(params, 'limit', 1, 50, 20);
  const cursor = optionalString(params, 'cursor');
  const orderId = optionalString(params, 'orderId');
  const orderLinkId = optionalString(params, 'orderLinkId');
  const status = optionalString(params, 'orderStatus');
  const { start, end } = timeRange(params, nowMs);
  const orders = scoped(account.book.allOrders(category), params).filter((order) => {
    if (isOpenStatus(order.status)) return false;
    if (orderId !== undefined && order.orderId !== orderId) return false;
    if (orderId === undefined && orderLinkId !== undefined && order.orderLinkId !== orderLinkId) return false;
    if (status !== undefined && order.status !== status) return false;
    if (order.createdTime < start || order.createdTime > end) return false;
    // Cancelled, Rejected and Deactivated orders without fills stay queryable for 24 hours only.
    const unfilled = order.cumExecQty.eq(0) && order.status !== 'Filled';
    return !unfilled || nowMs - order.updatedTime <= CLOSED_RETRY_WINDOW_MS;
  });
  const page = paginate(orders, (order) => order.sequence, limit, cursor);
  return { category, list: page.list.map(toRestOrder), nextPageCursor: page.nextPageCursor };
}

function executions(account: BybitAccount, params: BybitParams, nowMs: number): unknown {
  const category = categoryParam(params);
  const limit = integerParam(params, 'limit', 1, 100, 50);
  const cursor = optionalString(params, 'cursor');
  const symbol = optionalString(params, 'symbol');
  const orderId = optionalString(params, 'orderId');
  const orderLinkId = optionalString(params, 'orderLinkId');
  const baseCoin = optionalString(params, 'baseCoin');
  const execType = optionalString(params, 'execType');
  const { start, end } = timeRange(params, nowMs);
  const list = account.book.executions(category).filter((execution) => {
    // orderId and orderLinkId outrank every other filter (docs/v5/order/execution.mdx).
    if (orderId !== undefined) return execution.orderId === orderId;
    if (orderLinkId !== undefined) return execution.orderLinkId === orderLinkId;
    if (symbol !== undefined && execution.symbol !== symbol) return false;
    if (baseCoin !== undefined && !execution.symbol.startsWith(baseCoin)) return false;
    if (execType !== undefined && execType !== 'Trade') return false;
    return execution.execTime >= start && execution.execTime <= end;
  });
  const page = paginate(list, (execution) => execution.seq, limit, cursor);
  return { category, list: page.list.map(toRestExecution), nextPageCursor: page.nextPageCursor };
}

function positions(account: BybitAccount, params: BybitParams, registry: BybitInstrumentRegistry): unknown {
  const category: BybitCategory = categoryParam(params, ['linear']);
  requireScope(params, ['symbol', 'settleCoin']);
  const limit = integerParam(params, 'limit', 1, 200, 20);
  const cursor = optionalString(params, 'cursor');
  const symbol = optionalString(params, 'symbol');
  const settleCoin = optionalString(params, 'settleCoin');
  let states;
  if (symbol !== undefined) {
    // With a symbol the row comes back even when flat (docs/v5/position/position.mdx).
    const instrument = registry.find(category, symbol);
    if (!instrument) throw paramsError('symbol invalid');
    states = [account.book.positions.of(instrument)];
  } else {
    states = account.book.positions
      .all()
      .filter((state) => state.instrument.category === category && !state.size.eq(0))
      .filter((state) => state.instrument.config.quoteCoin === settleCoin);
  }
  const numbered = states.map((state, index) => ({ state, sequence: states.length - index }));
  const page = paginate(numbered, (item) => item.sequence, limit, cursor);
  return {
    category,
    list: page.list.map(({ state }) => toRestPosition(state, account.book.mark(state.instrument))),
    nextPageCursor: page.nextPageCursor,
  };
}

function wallet(account: BybitAccount, params: BybitParams): unknown {
  const accountType = present(params, 'accountType');
  if (accountType !== 'UNIFIED') throw paramsError('accountType only support UNIFIED');
  const coins = optionalString(params, 'coin')?.split(',');
  return { list: [toWalletView(account.book.wallet(), coins)] };
}

/** The signed query endpoints: orders, executions, positions and the wallet. */
export function queryRoutes(registry: BybitInstrumentRegistry, recentClosedOrders: number): BybitRoute[] {
  const route = (
    path: string,
    handle: (account: BybitAccount, params: BybitParams, nowMs: number) => unknown,
  ): BybitRoute => ({
    method: 'GET',
    path,
    signed: true,
    handle: ({ account, params, nowMs }) => Promise.resolve(handle(account, params, nowMs)),
  });
  return [
    route('/v5/order/realtime', (account, params) => realtime(account, params, recentClosedOrders)),
    route('/v5/order/history', history),
    route('/v5/execution/list', executions),
    route('/v5/position/list', (account, params) => positions(account, params, registry)),
    route('/v5/account/wallet-balance', wallet),
  ];
}
