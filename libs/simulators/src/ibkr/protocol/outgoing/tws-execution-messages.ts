import { contractFields, type TwsCommissionReport, type TwsExecution } from './tws-contract.js';
import { TwsOutgoingId } from './tws-message-ids.js';
import { doubleOrUnset, UNSET_DOUBLE } from './tws-values.js';

/**
 * EXECUTION_DATA at server version 193: no version field since LAST_LIQUIDITY 136 (32 fields). reqId is -1 for
 * a fill reported as it happens, the request's id when answering reqExecutions.
 */
export function encodeExecutionData(execution: TwsExecution): readonly string[] {
  return [
    TwsOutgoingId.EXECUTION_DATA,
    String(execution.reqId),
    String(execution.orderId),
    ...contractFields(execution.contract),
    execution.execId,
    execution.time,
    execution.account,
    execution.exchange,
    execution.side,
    execution.shares,
    execution.price,
    String(execution.permId),
    String(execution.clientId),
    '0', // liquidation
    execution.cumQty,
    execution.avgPrice,
    execution.orderRef ?? '',
    '', // evRule
    '', // evMultiplier
    '', // modelCode
    String(execution.lastLiquidity),
    '0', // pendingPriceRevision
  ];
}

/** Closes the answer to one reqExecutions. */
export function encodeExecutionDataEnd(reqId: number): readonly string[] {
  return [TwsOutgoingId.EXECUTION_DATA_END, '1', String(reqId)];
}

/**
 * COMMISSION_REPORT, joined to its fill by execId. The client reads realizedPNL and yield with readDouble, where ""
 * means 0: only Double.MAX_VALUE (what TWS writes on an opening fill) reads as "no value".
 */
export function encodeCommissionReport(report: TwsCommissionReport): readonly string[] {
  return [
    TwsOutgoingId.COMMISSION_REPORT,
    '1',
    report.execId,
    report.commission,
    report.currency,
    doubleOrUnset(report.realizedPNL),
    UNSET_DOUBLE, // yield: bonds only
    '0', // yieldRedemptionDate
  ];
}
