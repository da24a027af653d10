import { twsContractOf } from '../market/tws-instrument-registry.js';
import type { TwsCommissionReport, TwsExecution } from '../protocol/outgoing/index.js';
import { formatTwsTime, parseTwsTime } from '../tws-time.js';
import type { TwsOrderRecord } from './tws-order-record.js';

/** One fill as TWS keeps it for the day: the execution and its commission report. */
export interface TwsExecutionRecord {
  readonly execution: Omit<TwsExecution, 'reqId'>;
  readonly commission: TwsCommissionReport;
  readonly at: number;
  readonly symbol: string;
  readonly secType: string;
  readonly exchange: string;
}

/** reqExecutions' filter; "" (or 0 for the client id) matches everything. */
export interface TwsExecutionFilter {
  readonly clientId: number;
  readonly account: string;
  readonly time: string;
  readonly symbol: string;
  readonly secType: string;
  readonly exchange: string;
  readonly side: string;
}

const hex = (value: number): string => value.toString(16).padStart(8, '0');

/** Every execution of the session, in the order they happened, answering reqExecutions' filters. */
export class TwsExecutions {
  private readonly records: TwsExecutionRecord[] = [];
  private sequence = 0;

  /** Books a fill of `order` (already updated with it) and returns it. */
  book(
    order: TwsOrderRecord,
    fill: {
      readonly quantity: string;
      readonly price: string;
      readonly fee: string;
      readonly maker: boolean;
    },
    at: number,
  ): TwsExecutionRecord {
    // IB's execIds look like 0000e0d5.6570a3b2.01.01; a correction changes only the last part.
    const execId = `${hex(order.permId)}.${hex(++this.sequence)}.01.01`;
    const record: TwsExecutionRecord = {
      execution: {
        orderId: order.orderId,
        contract: twsContractOf(order.instrument),
        execId,
        time: formatTwsTime(at),
        account: order.account.code,
        exchange: order.instrument.primaryExch ?? order.instrument.exchange,
        side: order.action === 'BUY' ? 'BOT' : 'SLD',
        shares: fill.quantity,
        price: fill.price,
        permId: order.permId,
        clientId: order.clientId,
        cumQty: order.filled,
        avgPrice: order.avgFillPrice,
        orderRef: order.orderRef,
        lastLiquidity: fill.maker ? 1 : 2,
      },
      commission: { execId, commission: fill.fee, currency: order.account.currency },
      at,
      symbol: order.instrument.symbol,
      secType: order.instrument.secType,
      exchange: order.instrument.exchange,
    };
    this.records.push(record);
    return record;
  }

  /** The executions a filter selects, oldest first; undefined when its time cannot be read (TWS: 321). */
  matching(filter: TwsExecutionFilter): TwsExecutionRecord[] | undefined {
    const since = filter.time === '' ? undefined : parseTwsTime(filter.time);
    if (filter.time !== '' && since === undefined) return undefined;
    return this.records.filter(
      (record) =>
        (filter.clientId === 0 || record.execution.clientId === filter.clientId) &&
        (filter.account === '' || record.execution.account === filter.account) &&
        (since === undefined || Math.floor(record.at / 1000) * 1000 >= since) &&
        (filter.symbol === '' || record.symbol === filter.symbol) &&
        (filter.secType === '' || record.secType === filter.secType) &&
        (filter.exchange === '' || record.exchange === filter.exchange) &&
        (filter.side === '' || sideMatches(record.execution.side, filter.side)),
    );
  }
}

function sideMatches(side: 'BOT' | 'SLD', filter: string): boolean {
  const wanted = filter.toUpperCase();
  return side === 'BOT' ? wanted === 'BUY' || wanted === 'BOT' : wanted === 'SELL' || wanted === 'SLD';
}
