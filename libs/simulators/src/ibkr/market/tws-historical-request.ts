import { readContract, type TwsRequestContract } from '../protocol/incoming/tws-place-order.js';
import { TwsFieldReader, TwsRequestError } from '../protocol/tws-field-reader.js';

/** REQ_HISTORICAL_DATA at server version 193 (no version field since SYNT_REALTIME_BARS 124), as read. */
export interface TwsHistoricalRequest {
  readonly reqId: number;
  readonly contract: TwsRequestContract;
  /** "" is now; else "YYYYMMDD HH:mm:ss[ zone]" or "YYYYMMDD-HH:mm:ss" (UTC). */
  readonly endDateTime: string;
  readonly barSizeSetting: string;
  readonly durationStr: string;
  readonly useRTH: boolean;
  readonly whatToShow: string;
  /** 1: "YYYYMMDD HH:mm:ss UTC" (day bars "YYYYMMDD"); 2: epoch seconds. */
  readonly formatDate: number;
  readonly keepUpToDate: boolean;
}

/**
 * [20, reqId, conId … tradingClass, includeExpired, endDateTime, barSizeSetting, durationStr, useRTH,
 * whatToShow, formatDate, (BAG legs), keepUpToDate, chartOptions]: 23 fields for any contract but a combo.
 * The simulator has no combos, so a BAG is refused (321) before its legs would be read.
 */
export function readHistoricalRequest(fields: readonly string[]): TwsHistoricalRequest {
  const reader = new TwsFieldReader(fields, 'REQ_HISTORICAL_DATA');
  reader.skip(1);
  const reqId = reader.int();
  const contract = readContract(reader);
  if (contract.secType.toUpperCase() === 'BAG')
    throw new TwsRequestError(321, 'Error validating request: the simulator has no combo (BAG) history');
  reader.skip(1); // includeExpired: the simulator's contracts have not expired
  const endDateTime = reader.string().trim();
  const barSizeSetting = reader.string().trim();
  const durationStr = reader.string().trim();
  const useRTH = reader.bool();
  const whatToShow = reader.string().trim().toUpperCase();
  const formatDate = reader.int(1);
  const keepUpToDate = reader.bool();
  reader.skip(1); // chartOptions: reserved by IB
  return {
    reqId,
    contract,
    endDateTime,
    barSizeSetting,
    durationStr,
    useRTH,
    whatToShow,
    formatDate,
    keepUpToDate,
  };
}
