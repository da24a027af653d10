import type { BybitAccount } from '../account/bybit-account.js';
import { type BybitOrder, isConditional, isOpenStatus } from '../account/bybit-order.js';
import { orderErrors } from '../account/bybit-order-codes.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import { type BybitParams, categoryParam, optionalString, paramsError } from './bybit-params.js';
import type { BybitRoute } from './bybit-route.js';

/**
 * The order endpoint to find an order by, as cancel and realtime do: `orderId` first, then
 * `orderLinkId` (docs/v5/order/cancel-order.mdx), within the category and, when given, the symbol.
 */
export function findOrder(
  account: BybitAccount,
  category: BybitCategory,
  symbol: string | undefined,
  orderId: string | undefined,
  orderLinkId: string | undefined,
): BybitOrder | undefined {
  const order =
    orderId !== undefined
      ? account.book.order(orderId)
      : orderLinkId !== undefined
        ? account.book.byLinkId(orderLinkId)
        : undefined;
  if (!order || order.category !== category) return undefined;
  if (symbol !== undefined && order.instrument.symbol !== symbol) return undefined;
  return order;
}

/** `orderFilter` of cancel-all (docs/v5/order/cancel-all.mdx): spot cancels plain orders unless told. */
function matchesFilter(order: BybitOrder, category: BybitCategory, filter: string | undefined): boolean {
  const conditional = isConditional(order) && order.paperOrderId === null;
  const wanted = filter ?? (category === 'spot' ? 'Order' : undefined);
  if (wanted === undefined) return true;
  if (wanted === 'Order') return !conditional;
  if (wanted === 'StopOrder') return conditional;
  throw paramsError('orderFilter invalid');
}

function requiredSymbol(params: BybitParams, category: BybitCategory): string {
  const symbol = optionalString(params, 'symbol');
  if (symbol === undefined) throw orderErrors(category).empty('symbol');
  return symbol;
}

/** Create, cancel and cancel-all (docs/v5/order/*.mdx): signed, rate limited, acknowledged with ids. */
export function orderRoutes(registry: BybitInstrumentRegistry): BybitRoute[] {
  return [
    {
      method: 'POST',
      path: '/v5/order/create',
      signed: true,
      handle: ({ params, account }) => account.createOrder(params),
    },
    {
      method: 'POST',
      path: '/v5/order/cancel',
      signed: true,
      handle: ({ params, account }) => {
        const category = categoryParam(params);
        const errors = orderErrors(category);
        const symbol = requiredSymbol(params, category);
        if (!registry.find(category, symbol)) throw errors.symbol();
        const orderId = optionalString(params, 'orderId');
        const orderLinkId = optionalString(params, 'orderLinkId');
        if (orderId === undefined && orderLinkId === undefined)
          throw paramsError('orderId or orderLinkId is required');
        const order = findOrder(account, category, symbol, orderId, orderLinkId);
        if (!order || !isOpenStatus(order.status)) throw errors.notFound();
        return account.cancelOrder(order);
      },
    },
    {
      method: 'POST',
      path: '/v5/order/cancel-all',
      signed: true,
      handle: async ({ params, account }) => {
        const category = categoryParam(params);
        const symbol = optionalString(params, 'symbol');
        const baseCoin = optionalString(params, 'baseCoin');
        const settleCoin = optionalString(params, 'settleCoin');
        if (
          category === 'linear' &&
          symbol === undefined &&
          baseCoin === undefined &&
          settleCoin === undefined
        ) {
          throw paramsError('symbol or baseCoin or settleCoin is required');
        }
        const filter = optionalString(params, 'orderFilter');
        const targets = account.book
          .openOrders(category)
          .filter((order) => symbol === undefined || order.instrument.symbol === symbol)
          .filter(
            (order) =>
              symbol !== undefined || baseCoin === undefined || order.instrument.config.baseCoin === baseCoin,
          )
          .filter(
            (order) =>
              symbol !== undefined ||
              baseCoin !== undefined ||
              settleCoin === undefined ||
              order.instrument.config.quoteCoin === settleCoin,
          )
          .filter((order) => matchesFilter(order, category, filter))
          .reverse();
        const list: { orderId: string; orderLinkId: string }[] = [];
        for (const order of targets) {
          // An order a previous cancel of this batch already closed (a bracket's sibling) is skipped.
          if (isOpenStatus(order.status)) list.push(await account.cancelOrder(order));
        }
        return { list, success: '1' };
      },
    },
  ];
}
