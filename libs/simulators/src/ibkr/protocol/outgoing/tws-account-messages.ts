import { contractFields, type TwsContract } from './tws-contract.js';
import { TwsOutgoingId } from './tws-message-ids.js';
import { doubleOrUnset } from './tws-values.js';

/** One holding as reqPositions reports it. */
export interface TwsPosition {
  account: string;
  contract: TwsContract;
  /** Signed decimal: negative is short. */
  position: string;
  avgCost: string;
}

/** One (account, tag) value answering reqAccountSummary. */
export interface TwsAccountSummaryRow {
  reqId: number;
  account: string;
  tag: string;
  value: string;
  /** "" for tags without a currency (AccountType, Cushion, DayTradesRemaining…). */
  currency: string;
}

/** The account's P&L as reqPnL streams it; a value left out reads as "no value". */
export interface TwsPnl {
  reqId: number;
  dailyPnL?: string;
  unrealizedPnL?: string;
  realizedPnL?: string;
}

/** One position's P&L as reqPnLSingle streams it. */
export interface TwsPnlSingle extends TwsPnl {
  position: string;
  value?: string;
}

/** One key of reqAccountUpdates (updateAccountValue). */
export interface TwsAccountValue {
  key: string;
  value: string;
  currency: string;
  account: string;
}

/** One holding of reqAccountUpdates (updatePortfolio). */
export interface TwsPortfolioValue {
  contract: TwsContract;
  position: string;
  marketPrice: string;
  marketValue: string;
  averageCost: string;
  unrealizedPNL: string;
  realizedPNL: string;
  account: string;
}

/** POSITION, version 3 (with tradingClass and avgCost). */
export function encodePosition(position: TwsPosition): readonly string[] {
  return [
    TwsOutgoingId.POSITION,
    '3',
    position.account,
    ...contractFields(position.contract),
    position.position,
    position.avgCost,
  ];
}

/** Ends the initial snapshot of reqPositions; later POSITION messages are changes. */
export function encodePositionEnd(): readonly string[] {
  return [TwsOutgoingId.POSITION_END, '1'];
}

export function encodeAccountSummary(row: TwsAccountSummaryRow): readonly string[] {
  return [
    TwsOutgoingId.ACCOUNT_SUMMARY,
    '1',
    String(row.reqId),
    row.account,
    row.tag,
    row.value,
    row.currency,
  ];
}

export function encodeAccountSummaryEnd(reqId: number): readonly string[] {
  return [TwsOutgoingId.ACCOUNT_SUMMARY_END, '1', String(reqId)];
}

/**
 * PNL: no version field. The client reads the amounts with readDouble, where "" would mean 0, so an amount left
 * out goes as Double.MAX_VALUE, as TWS writes it.
 */
export function encodePnl(pnl: TwsPnl): readonly string[] {
  return [
    TwsOutgoingId.PNL,
    String(pnl.reqId),
    doubleOrUnset(pnl.dailyPnL),
    doubleOrUnset(pnl.unrealizedPnL),
    doubleOrUnset(pnl.realizedPnL),
  ];
}

export function encodePnlSingle(pnl: TwsPnlSingle): readonly string[] {
  return [
    TwsOutgoingId.PNL_SINGLE,
    String(pnl.reqId),
    pnl.position,
    doubleOrUnset(pnl.dailyPnL),
    doubleOrUnset(pnl.unrealizedPnL),
    doubleOrUnset(pnl.realizedPnL),
    doubleOrUnset(pnl.value),
  ];
}

export function encodeAccountValue(value: TwsAccountValue): readonly string[] {
  return [TwsOutgoingId.ACCT_VALUE, '2', value.key, value.value, value.currency, value.account];
}

/** PORTFOLIO_VALUE, version 8. Its contract has primaryExch where the others have exchange. */
export function encodePortfolioValue(holding: TwsPortfolioValue): readonly string[] {
  const { contract } = holding;
  return [
    TwsOutgoingId.PORTFOLIO_VALUE,
    '8',
    ...contractFields(contract, contract.primaryExch ?? ''),
    holding.position,
    holding.marketPrice,
    holding.marketValue,
    holding.averageCost,
    holding.unrealizedPNL,
    holding.realizedPNL,
    holding.account,
  ];
}

/** The time of the account update burst, e.g. "09:31". */
export function encodeAccountUpdateTime(time: string): readonly string[] {
  return [TwsOutgoingId.ACCT_UPDATE_TIME, '1', time];
}

/** Ends the first full burst of reqAccountUpdates for the account. */
export function encodeAccountDownloadEnd(account: string): readonly string[] {
  return [TwsOutgoingId.ACCT_DOWNLOAD_END, '1', account];
}
