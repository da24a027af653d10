import type { TwsContract } from './tws-contract.js';
import { TwsOutgoingId } from './tws-message-ids.js';
import { ascii7 } from './tws-values.js';

/** What reqContractDetails answers for one contract. Decimals are strings as TWS sends them. */
export interface TwsContractDetails {
  contract: TwsContract;
  /** "" when left out; TWS usually repeats the trading class. */
  marketName?: string;
  minTick: string;
  orderTypes: readonly string[];
  validExchanges: readonly string[];
  /** 1 when left out: prices are quoted in the currency's main unit. */
  priceMagnifier?: number;
  underConId?: number;
  longName: string;
  contractMonth?: string;
  industry?: string;
  category?: string;
  subcategory?: string;
  /** IANA or TWS zone the hours are in, e.g. "US/Eastern". */
  timeZoneId: string;
  /** "20260102:0930-20260102:1600;20260103:CLOSED" */
  tradingHours: string;
  liquidHours: string;
  aggGroup?: number;
  /** One rule per valid exchange, in the same order. */
  marketRuleIds: readonly number[];
  /** YYYYMMDD; only for derivatives. */
  lastTradeDate?: string;
  realExpirationDate?: string;
  /** e.g. "COMMON", "ETF"; "" for non-stocks. */
  stockType?: string;
  minSize: string;
  sizeIncrement: string;
  /** The sizeIncrement when left out. */
  suggestedSizeIncrement?: string;
}

/**
 * The 17 fund fields the client reads when secType is FUND (FUND_DATA_FIELDS 179): names and loads unset,
 * the three "closed" flags false. Without them a FUND contract underruns.
 */
const UNSET_FUND_FIELDS: readonly string[] = [
  ...Array<string>(7).fill(''),
  '0', // fundClosed
  '0', // fundClosedForNewInvestors
  '0', // fundClosedForNewMoney
  ...Array<string>(7).fill(''),
];

/** CONTRACT_DATA at server version 193: no version field since SIZE_RULES 164 (42 fields for a non-FUND). */
export function encodeContractData(reqId: number, details: TwsContractDetails): readonly string[] {
  const { contract } = details;
  return [
    TwsOutgoingId.CONTRACT_DATA,
    String(reqId),
    contract.symbol,
    contract.secType,
    contract.lastTradeDateOrContractMonth ?? '',
    details.lastTradeDate ?? '',
    contract.strike ?? '',
    contract.right ?? '',
    contract.exchange,
    contract.currency,
    contract.localSymbol ?? '',
    details.marketName ?? '',
    contract.tradingClass ?? '',
    String(contract.conId),
    details.minTick,
    contract.multiplier ?? '',
    details.orderTypes.join(','),
    details.validExchanges.join(','),
    String(details.priceMagnifier ?? 1),
    String(details.underConId ?? 0),
    ascii7(details.longName),
    contract.primaryExch ?? '',
    details.contractMonth ?? '',
    details.industry ?? '',
    details.category ?? '',
    details.subcategory ?? '',
    details.timeZoneId,
    details.tradingHours,
    details.liquidHours,
    '', // evRule
    '', // evMultiplier
    '0', // secIdListCount
    details.aggGroup === undefined ? '' : String(details.aggGroup),
    '', // underSymbol
    '', // underSecType
    details.marketRuleIds.join(','),
    details.realExpirationDate ?? '',
    details.stockType ?? '',
    details.minSize,
    details.sizeIncrement,
    details.suggestedSizeIncrement ?? details.sizeIncrement,
    ...(contract.secType === 'FUND' ? UNSET_FUND_FIELDS : []),
    '0', // ineligibilityReasonCount
  ];
}

/** Closes the answer to one reqContractDetails; a request that matches nothing gets ERR_MSG 200 instead. */
export function encodeContractDataEnd(reqId: number): readonly string[] {
  return [TwsOutgoingId.CONTRACT_DATA_END, '1', String(reqId)];
}
