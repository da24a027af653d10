import type Big from 'big.js';
import type { BybitQuote } from '../market/bybit-market.js';
import { dec } from '../../paper-engine.js';
import type { BybitAccountBook } from './bybit-account-book.js';
import type { BybitOrder } from './bybit-order.js';

/**
 * Whether the account can afford `order` for `qty` (base coin) right now, the way Bybit checks before
 * accepting: a linear order needs initial margin for the part that grows the position, out of the
 * available balance (which already sets aside open orders' margin); a spot Buy needs the quote coin it
 * would spend, a spot Sell the coins it sells, both net of what open orders lock.
 */
export function canAfford(book: BybitAccountBook, order: BybitOrder, qty: Big, quote: BybitQuote): boolean {
  const wallet = book.wallet();
  const buy = order.side === 'Buy';
  const touch = buy ? quote.ask : quote.bid;
  if (order.category === 'linear') {
    if (order.reduceOnly) return true;
    const held = book.positions.of(order.instrument).size;
    const after = held.plus(buy ? qty : qty.neg());
    const growth = after.abs().minus(held.abs());
    if (growth.lte(0)) return true;
    const margin = growth.times(order.price ?? touch).div(order.instrument.leverage);
    return margin.lte(wallet.totalAvailableBalance);
  }
  if (buy) {
    const cost = order.marketUnit === 'quoteCoin' ? order.qty : qty.times(order.price ?? touch);
    return cost.lte(wallet.spotBuyingPower);
  }
  const coin = wallet.coins.find((figures) => figures.coin === order.instrument.config.baseCoin);
  const free = coin ? coin.walletBalance.minus(coin.locked) : dec(0);
  return qty.lte(free);
}
