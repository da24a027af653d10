import type Big from 'big.js';
import { dec } from '../../paper-engine.js';
import { type BybitOrder, isConditional } from './bybit-order.js';
import { leavesQtyOf } from './bybit-order-view.js';
import type { BybitPositionState } from './bybit-position-book.js';
import { positionFigures } from './bybit-position-view.js';

/** A position with the mark price it is valued at. */
export interface MarkedPosition {
  readonly state: BybitPositionState;
  readonly mark: Big;
}

/** One coin of the unified wallet. */
export interface CoinFigures {
  readonly coin: string;
  readonly walletBalance: Big;
  readonly equity: Big;
  readonly usdValue: Big;
  readonly locked: Big;
  readonly unrealisedPnl: Big;
  readonly cumRealisedPnl: Big;
  readonly totalOrderIM: Big;
  readonly totalPositionIM: Big;
  readonly totalPositionMM: Big;
}

/** The unified account in USD (USDT counts one for one), per Bybit's UTA glossary formulas. */
export interface WalletFigures {
  readonly coins: readonly CoinFigures[];
  readonly totalWalletBalance: Big;
  readonly totalEquity: Big;
  readonly totalPerpUPL: Big;
  readonly totalMarginBalance: Big;
  readonly totalInitialMargin: Big;
  readonly totalMaintenanceMargin: Big;
  readonly totalAvailableBalance: Big;
  /** USDT a spot Buy may still spend. */
  readonly spotBuyingPower: Big;
}

/**
 * Values the account from the engine's cash and the positions. The engine runs one margin ledger for
 * both categories, where buying spot moves no cash; the wallet shows what Bybit shows: USDT spent on
 * spot coins leaves the USDT balance and the coins appear as balances of their own.
 */
export function walletFigures(
  quoteCoin: string,
  cash: Big,
  positions: readonly MarkedPosition[],
  openOrders: readonly BybitOrder[],
  spotCoins: readonly string[] = [],
): WalletFigures {
  let spotCost = dec(0);
  let perpUpl = dec(0);
  let positionIM = dec(0);
  let positionMM = dec(0);
  let perpRealised = dec(0);
  const coins: CoinFigures[] = [];
  for (const { state, mark } of positions) {
    if (state.instrument.category === 'spot') {
      spotCost = spotCost.plus(state.size.times(state.avgPrice));
      continue;
    }
    const figures = positionFigures(state, mark);
    perpUpl = perpUpl.plus(figures.unrealisedPnl);
    positionIM = positionIM.plus(figures.positionIM);
    positionMM = positionMM.plus(figures.positionMM);
    perpRealised = perpRealised.plus(state.cumRealised);
  }
  const orderIM = openOrderMargin(positions, openOrders);
  const spotLocked = spotLocks(openOrders);
  const usdtWallet = cash.minus(spotCost);
  const usdtEquity = usdtWallet.plus(perpUpl);
  coins.push({
    coin: quoteCoin,
    walletBalance: usdtWallet,
    equity: usdtEquity,
    usdValue: usdtEquity,
    locked: spotLocked.get(quoteCoin) ?? dec(0),
    unrealisedPnl: perpUpl,
    cumRealisedPnl: perpRealised,
    totalOrderIM: orderIM,
    totalPositionIM: positionIM,
    totalPositionMM: positionMM,
  });
  let totalWallet = usdtWallet;
  for (const { state, mark } of positions) {
    if (state.instrument.category !== 'spot' || state.size.eq(0)) continue;
    const coin = state.instrument.config.baseCoin;
    const value = state.size.times(mark);
    totalWallet = totalWallet.plus(value);
    coins.push({
      coin,
      walletBalance: state.size,
      equity: state.size,
      usdValue: value,
      locked: spotLocked.get(coin) ?? dec(0),
      unrealisedPnl: dec(0),
      cumRealisedPnl: dec(0),
      totalOrderIM: dec(0),
      totalPositionIM: dec(0),
      totalPositionMM: dec(0),
    });
  }
  // Coins the account could hold but does not: listed with zeros when asked for by name.
  for (const coin of spotCoins) {
    if (coins.some((figures) => figures.coin === coin)) continue;
    coins.push({
      coin,
      walletBalance: dec(0),
      equity: dec(0),
      usdValue: dec(0),
      locked: dec(0),
      unrealisedPnl: dec(0),
      cumRealisedPnl: dec(0),
      totalOrderIM: dec(0),
      totalPositionIM: dec(0),
      totalPositionMM: dec(0),
    });
  }
  const marginBalance = totalWallet.plus(perpUpl);
  const initialMargin = positionIM.plus(orderIM);
  const available = marginBalance.minus(initialMargin);
  const usdtFree = usdtWallet.minus(spotLocked.get(quoteCoin) ?? dec(0));
  return {
    coins,
    totalWalletBalance: totalWallet,
    totalEquity: marginBalance,
    totalPerpUPL: perpUpl,
    totalMarginBalance: marginBalance,
    totalInitialMargin: initialMargin,
    totalMaintenanceMargin: positionMM,
    totalAvailableBalance: available,
    spotBuyingPower: usdtFree.lt(available) ? usdtFree : available,
  };
}

/**
 * Margin held by open linear orders, per symbol in one-way mode: the larger of the Buy and the Sell
 * side, each after the part that would only close the position. Conditional orders hold none until
 * they trigger (docs/v5/order/create-order.mdx), nor do reduce-only ones.
 */
export function openOrderMargin(
  positions: readonly MarkedPosition[],
  openOrders: readonly BybitOrder[],
): Big {
  const bySymbol = new Map<string, BybitOrder[]>();
  for (const order of openOrders) {
    if (
      order.category !== 'linear' ||
      isConditional(order) ||
      order.reduceOnly ||
      order.paperOrderId === null
    )
      continue;
    const list = bySymbol.get(order.instrument.paperSymbol) ?? [];
    list.push(order);
    bySymbol.set(order.instrument.paperSymbol, list);
  }
  let total = dec(0);
  for (const [paperSymbol, orders] of bySymbol) {
    const position = positions.find((p) => p.state.instrument.paperSymbol === paperSymbol);
    const size = position?.state.size ?? dec(0);
    const mark = position?.mark ?? dec(0);
    const side = (buy: boolean): Big => {
      let qty = dec(0);
      let value = dec(0);
      for (const order of orders) {
        if ((order.side === 'Buy') !== buy) continue;
        const leaves = leavesQtyOf(order);
        qty = qty.plus(leaves);
        value = value.plus(leaves.times(order.price ?? mark));
      }
      const closing = buy ? (size.lt(0) ? size.abs() : dec(0)) : size.gt(0) ? size : dec(0);
      if (qty.eq(0) || qty.lte(closing)) return dec(0);
      const leverage = orders[0]?.instrument.leverage ?? dec(1);
      return value.times(qty.minus(closing)).div(qty).div(leverage).round(8);
    };
    const buy = side(true);
    const sell = side(false);
    total = total.plus(buy.gt(sell) ? buy : sell);
  }
  return total;
}

/** Coins held by open spot orders: quote coin for Buys at their limit, base coin for Sells. */
function spotLocks(openOrders: readonly BybitOrder[]): Map<string, Big> {
  const locked = new Map<string, Big>();
  const add = (coin: string, amount: Big): void => {
    locked.set(coin, (locked.get(coin) ?? dec(0)).plus(amount));
  };
  for (const order of openOrders) {
    if (order.category !== 'spot' || order.paperOrderId === null) continue;
    const leaves = leavesQtyOf(order);
    const { baseCoin, quoteCoin } = order.instrument.config;
    if (order.side === 'Sell') add(baseCoin, leaves);
    else if (order.price) add(quoteCoin, leaves.times(order.price));
  }
  return locked;
}
