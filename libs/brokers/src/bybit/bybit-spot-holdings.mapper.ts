import type { WalletBalanceV5 } from 'bybit-api';
import { dec, toDecimalString } from '../decimal/index.js';
import type { Position } from '../domain/index.js';

/**
 * Spot has no positions: each coin held against USDT stands for one, valued at Bybit's USD value.
 * Coins without a listed `<coin>USDT` pair, or not held, are left out.
 */
export function toSpotHoldings(
  wallet: WalletBalanceV5 | undefined,
  listed: (symbol: string) => boolean,
  at: Date,
): Position[] {
  const now = at.toISOString();
  return (wallet?.coin ?? []).flatMap((coin) => {
    const symbol = `${coin.coin}USDT`;
    const held = dec(coin.walletBalance || '0');
    if (!listed(symbol) || held.lte(0)) return [];
    const mark = toDecimalString(dec(coin.usdValue || '0').div(held));
    return [
      {
        symbol,
        side: 'long' as const,
        quantity: toDecimalString(held),
        averagePrice: mark,
        markPrice: mark,
        unrealizedPnl: '0',
        realizedPnl: coin.cumRealisedPnl || '0',
        marginUsed: '0',
        updatedAt: now,
      },
    ];
  });
}
