import type Big from 'big.js';
import { toDecimalString } from '../../paper-engine.js';
import type { CoinFigures, WalletFigures } from './bybit-wallet.js';

const s = (value: Big): string => toDecimalString(value);
const RATE_PLACES = 4;

/**
 * The UNIFIED account as `/v5/account/wallet-balance` lists it and the `wallet` topic pushes it
 * (docs/v5/account/wallet-balance.mdx). `coins` filters by coin name; without it, coins with nothing
 * in them are left out, as Bybit does.
 */
export function toWalletView(figures: WalletFigures, coins?: readonly string[]): Record<string, unknown> {
  const rate = (part: Big): string =>
    figures.totalMarginBalance.lte(0) ? '0' : s(part.div(figures.totalMarginBalance).round(RATE_PLACES));
  const listed = figures.coins.filter((coin) =>
    coins ? coins.includes(coin.coin) : !coin.walletBalance.eq(0) || !coin.equity.eq(0),
  );
  return {
    accountType: 'UNIFIED',
    accountIMRate: rate(figures.totalInitialMargin),
    accountIMRateByMp: rate(figures.totalInitialMargin),
    accountMMRate: rate(figures.totalMaintenanceMargin),
    accountMMRateByMp: rate(figures.totalMaintenanceMargin),
    accountLTV: '0',
    totalEquity: s(figures.totalEquity),
    totalWalletBalance: s(figures.totalWalletBalance),
    totalMarginBalance: s(figures.totalMarginBalance),
    totalAvailableBalance: s(figures.totalAvailableBalance),
    totalPerpUPL: s(figures.totalPerpUPL),
    totalInitialMargin: s(figures.totalInitialMargin),
    totalInitialMarginByMp: s(figures.totalInitialMargin),
    totalMaintenanceMargin: s(figures.totalMaintenanceMargin),
    totalMaintenanceMarginByMp: s(figures.totalMaintenanceMargin),
    coin: listed.map(toCoinView),
  };
}

function toCoinView(coin: CoinFigures): Record<string, unknown> {
  return {
    coin: coin.coin,
    equity: s(coin.equity),
    usdValue: s(coin.usdValue),
    walletBalance: s(coin.walletBalance),
    locked: s(coin.locked),
    spotHedgingQty: '0',
    borrowAmount: '0',
    accruedInterest: '0',
    totalOrderIM: s(coin.totalOrderIM),
    totalPositionIM: s(coin.totalPositionIM),
    totalPositionMM: s(coin.totalPositionMM),
    unrealisedPnl: s(coin.unrealisedPnl),
    cumRealisedPnl: s(coin.cumRealisedPnl),
    bonus: '0',
    marginCollateral: true,
    collateralSwitch: true,
    spotBorrow: '0',
    // Deprecated for UNIFIED (docs): Bybit returns "" for both.
    availableToWithdraw: '',
    availableToBorrow: '',
  };
}
