import type { Position } from '../../paper-engine.js';
import { twsContractOf, type TwsInstrumentRegistry } from '../market/tws-instrument-registry.js';
import { encodeAccountValue, encodePortfolioValue } from '../protocol/outgoing/index.js';
import type { TwsAccount } from './tws-account.js';
import {
  multiplierOf,
  type TwsAccountFigure,
  type TwsAccountFigures,
  TWS_MONEY_FIGURES,
} from './tws-account-values.js';

/** The keys of reqAccountUpdates the simulator sends, in the account currency unless told. */
const VALUE_KEYS: readonly TwsAccountFigure[] = [...TWS_MONEY_FIGURES, 'UnrealizedPnL', 'RealizedPnL'];

/** One ACCT_VALUE before it is sent: key, value, currency. */
export type TwsAccountValueRow = readonly [key: string, value: string, currency: string];

/**
 * The ACCT_VALUE keys of an account: its code and type, the figures in its currency, Cushion, and the cash
 * balance per currency and in BASE (the engine books one currency, so BASE is its copy).
 */
export function accountValueRows(account: TwsAccount, figures: TwsAccountFigures): TwsAccountValueRow[] {
  return [
    ['AccountCode', account.code, ''],
    ['AccountType', 'INDIVIDUAL', ''],
    ['Currency', account.currency, account.currency],
    ...VALUE_KEYS.map((key): TwsAccountValueRow => [key, figures[key], account.currency]),
    ['Cushion', figures.Cushion, ''],
    ['CashBalance', figures.TotalCashValue, account.currency],
    ['CashBalance', figures.TotalCashValue, 'BASE'],
  ];
}

export function accountValueMessage(
  account: TwsAccount,
  [key, value, currency]: TwsAccountValueRow,
): readonly string[] {
  return encodeAccountValue({ key, value, currency, account: account.code });
}

/**
 * PORTFOLIO_VALUE of one engine position (0 once closed): the mark as market price, market value =
 * position × mark × multiplier, averageCost = average price × multiplier (commission not included), and
 * the engine's unrealized and realized PnL.
 */
export function portfolioMessage(
  account: TwsAccount,
  position: Position,
  registry: TwsInstrumentRegistry,
): readonly string[] | undefined {
  const instrument = registry.byLocal(position.symbol);
  if (!instrument) return undefined;
  const multiplier = multiplierOf(registry, position.symbol);
  return encodePortfolioValue({
    contract: twsContractOf(instrument),
    position: position.quantity,
    marketPrice: position.markPrice,
    marketValue: multiplier.times(position.quantity).times(position.markPrice).toFixed(2),
    averageCost: multiplier.times(position.averagePrice).toString(),
    unrealizedPNL: position.unrealizedPnl,
    realizedPNL: position.realizedPnl,
    account: account.code,
  });
}
