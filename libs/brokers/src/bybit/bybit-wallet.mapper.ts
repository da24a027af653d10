import type { WalletBalanceV5 } from 'bybit-api';
import { dec, toDecimalString } from '../decimal/index.js';
import type { AccountSummary } from '../domain/index.js';

const orZero = (value: string | undefined): string => (value === undefined || value === '' ? '0' : value);

/**
 * The unified account in the domain's terms. Bybit totals a unified account in USD; realized PnL is the sum
 * of the coins' cumulative realized PnL.
 */
export function toAccountSummary(
  account: string,
  wallet: WalletBalanceV5 | undefined,
  at: Date,
): AccountSummary {
  const realized = (wallet?.coin ?? []).reduce((sum, coin) => sum.plus(orZero(coin.cumRealisedPnl)), dec(0));
  return {
    account,
    currency: 'USD',
    balance: orZero(wallet?.totalWalletBalance),
    equity: orZero(wallet?.totalEquity),
    marginUsed: orZero(wallet?.totalInitialMargin),
    marginFree: orZero(wallet?.totalAvailableBalance),
    unrealizedPnl: orZero(wallet?.totalPerpUPL),
    realizedPnl: toDecimalString(realized),
    updatedAt: at.toISOString(),
  };
}
