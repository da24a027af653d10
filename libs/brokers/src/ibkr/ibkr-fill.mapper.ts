import type { CommissionReport, Contract, Execution } from '@stoqey/ib';
import { dec, toDecimalString } from '../decimal/index.js';
import type { Fill } from '../domain/index.js';
import { parseIbTime } from './ibkr-time.js';

/** IB's `lastLiquidity`: 1 added liquidity (maker), 2 removed it (taker), 3 routed out. */
const ADDED_LIQUIDITY = 1;

const decimal = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '0' : toDecimalString(dec(value));

/**
 * An execution and its commission report as one fill. IB reports the commission as a positive cost;
 * a report whose commission is unset (Double.MAX, read as undefined) counts as no fee.
 */
export function toFill(
  symbol: string,
  contract: Contract,
  execution: Execution,
  commission: CommissionReport | undefined,
  clientOrderId: string,
): Fill {
  const time = parseIbTime(execution.time ?? '');
  return {
    executionId: execution.execId ?? '',
    brokerOrderId: String(execution.orderId ?? 0),
    clientOrderId: execution.orderRef || clientOrderId,
    symbol,
    side: execution.side === 'SLD' ? 'sell' : 'buy',
    quantity: decimal(execution.shares),
    price: decimal(execution.price),
    fee: decimal(commission?.commission),
    feeCurrency: commission?.currency ?? contract.currency ?? 'USD',
    liquidity: (execution.lastLiquidity as number | undefined) === ADDED_LIQUIDITY ? 'maker' : 'taker',
    executedAt: new Date(time ?? Date.now()).toISOString(),
  };
}
