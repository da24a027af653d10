import type { BrokerOrder } from '../domain/index.js';
import type { IbkrContractBook } from './ibkr-contract-book.js';
import type { IbkrExecution } from './ibkr-executions.js';
import type { IbkrFillJournal } from './ibkr-fill-journal.js';
import type { IbkrOrderIds } from './ibkr-ids.js';
import type { IbkrOrderBook } from './ibkr-order-book.js';

/** Where an execution goes once recorded. */
export interface IbkrExecutionSinks {
  readonly book: IbkrOrderBook;
  readonly orderIds: IbkrOrderIds;
  readonly fills: IbkrFillJournal;
  readonly contracts: IbkrContractBook;
  /** An order the execution moved (more filled). */
  readonly orderChanged: (order: BrokerOrder | undefined) => void;
}

/**
 * Records one execution, live or recovered by reqExecutions: the fill journal publishes it once, the
 * order learns how far it is filled (its status messages may have been lost in an outage), and the
 * order id mark moves above it. Executions of another account or client id are not this adapter's.
 */
export function recordIbkrExecution(
  { contract, execution }: IbkrExecution,
  scope: { readonly accountCode: string; readonly clientId: number },
  sinks: IbkrExecutionSinks,
): void {
  if (execution.acctNumber && execution.acctNumber !== scope.accountCode) return;
  if (execution.clientId !== undefined && execution.clientId !== scope.clientId) return;
  const orderId = execution.orderId ?? 0;
  sinks.orderIds.seen(orderId);
  const symbol = sinks.contracts.symbolOf(contract);
  const order = sinks.book.get(orderId);
  sinks.fills.execution(symbol, contract, execution, order?.clientOrderId ?? '');
  if (!order && execution.orderRef) {
    // An order of an earlier session, known only through its execution: what it filled is what we know.
    sinks.book.track({
      brokerOrderId: String(orderId),
      clientOrderId: execution.orderRef,
      symbol,
      side: execution.side === 'SLD' ? 'sell' : 'buy',
      type: 'market',
      timeInForce: 'day',
      quantity: String(execution.cumQty ?? execution.shares ?? 0),
      filledQuantity: '0',
      averageFillPrice: null,
      price: null,
      stopPrice: null,
      status: 'submitted',
      role: 'entry',
      parentOrderId: null,
      rejectReason: null,
    });
  }
  sinks.orderChanged(sinks.book.onExecution(orderId, execution.cumQty ?? 0, execution.avgPrice ?? 0));
}
