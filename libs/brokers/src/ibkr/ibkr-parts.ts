import type { BrokerEvent } from '../domain/index.js';
import type { VenueLogger } from '../port/broker-venue.js';
import type { IbkrConfig } from './ibkr-config.js';
import { IbkrConnection } from './ibkr-connection.js';
import { IbkrContractBook } from './ibkr-contract-book.js';
import { IbkrContractResolver } from './ibkr-contract-resolver.js';
import { recordIbkrExecution } from './ibkr-execution-recorder.js';
import type { IbkrExecution } from './ibkr-executions.js';
import { IbkrFillJournal } from './ibkr-fill-journal.js';
import { IbkrHistory } from './ibkr-history.js';
import { IbkrOrderIds } from './ibkr-ids.js';
import { IbkrMarketData } from './ibkr-market-data.js';
import { IbkrOrderBook } from './ibkr-order-book.js';
import { IbkrOrderEntry } from './ibkr-order-entry.js';
import { IbkrPortfolio } from './ibkr-portfolio.js';
import { IbkrRequests } from './ibkr-requests.js';
import { IbkrWire } from './ibkr-wire.js';

/** The request id TWS gives executions it pushes as they happen. */
const LIVE_EXECUTION = -1;

/** What the session learns at each connect and every part reads. */
export interface IbkrSessionState {
  /** The IB account traded: the configured one, or the first TWS manages. */
  accountCode: string;
}

/** The pieces of one IB account's adapter, wired to one another and to the wire. */
export interface IbkrParts {
  readonly config: IbkrConfig;
  readonly log: VenueLogger;
  readonly state: IbkrSessionState;
  readonly wire: IbkrWire;
  readonly connection: IbkrConnection;
  readonly requests: IbkrRequests;
  readonly contracts: IbkrContractBook;
  readonly resolver: IbkrContractResolver;
  readonly book: IbkrOrderBook;
  readonly orderIds: IbkrOrderIds;
  readonly fills: IbkrFillJournal;
  readonly orders: IbkrOrderEntry;
  readonly market: IbkrMarketData;
  readonly portfolio: IbkrPortfolio;
  readonly history: IbkrHistory;
  /** Records an execution TWS sent (live or asked for). */
  readonly recordExecution: (execution: IbkrExecution) => void;
}

/**
 * Builds the parts and subscribes the order and execution handling to the wire. `onDropped` hears of a
 * socket closed after its handshake; `emit` is the adapter's event stream.
 */
export function buildIbkrParts(
  config: IbkrConfig,
  log: VenueLogger,
  emit: (event: BrokerEvent) => void,
  onDropped: (reason: string) => void,
): IbkrParts {
  const account = config.account;
  const state: IbkrSessionState = { accountCode: config.accountCode ?? '' };
  const wire = new IbkrWire(log);
  const orderIds = new IbkrOrderIds();
  const connection = new IbkrConnection(config, wire, log, {
    dropped: onDropped,
    nextValidId: (orderId) => orderIds.acceptNextValid(orderId),
  });
  const api = () => connection.api();
  const accountCode = () => state.accountCode;
  const requests = new IbkrRequests(wire, api, config.requestTimeoutMs);
  const contracts = new IbkrContractBook(config.contracts);
  const book = new IbkrOrderBook();
  const fills = new IbkrFillJournal(config.commissionWaitMs, (fill) => emit({ type: 'fill', account, fill }));
  const orders = new IbkrOrderEntry(
    wire,
    book,
    orderIds,
    { api, accountCode, publish: (order) => emit({ type: 'order', account, order }), log },
    config.requestTimeoutMs,
  );
  const market = new IbkrMarketData(wire, requests, api, config.requestTimeoutMs, (ticker) =>
    emit({ type: 'tick', account, ticker }),
  );
  const portfolio = new IbkrPortfolio(
    wire,
    requests,
    api,
    contracts,
    accountCode,
    (symbol) => market.lastPrice(symbol),
    config.requestTimeoutMs,
    (position) => emit({ type: 'position', account, position }),
    (symbol) => {
      const resolved = contracts.cached(symbol);
      if (resolved && connection.isReady) market.watch(resolved);
    },
  );
  const recordExecution = (execution: IbkrExecution): void =>
    recordIbkrExecution(
      execution,
      { accountCode: state.accountCode, clientId: config.clientId },
      { book, orderIds, fills, contracts, orderChanged: (order) => orders.changed(order) },
    );

  wire.on('openOrder', (orderId, contract, order, orderState) => {
    orderIds.seen(orderId);
    orders.changed(book.onOpenOrder(orderId, contracts.symbolOf(contract), contract, order, orderState));
    orders.heard(orderId);
  });
  wire.on('orderStatus', (orderId, status, filled, _remaining, avgFillPrice, permId) => {
    orderIds.seen(orderId);
    orders.changed(book.onOrderStatus(orderId, status, filled, avgFillPrice, permId));
    orders.heard(orderId);
  });
  // Live executions come with id -1; answers to reqExecutions are recorded by whoever asked.
  wire.on('execDetails', (reqId, contract, execution) => {
    if (reqId === LIVE_EXECUTION) recordExecution({ contract, execution });
  });
  wire.on('commissionReport', (report) => fills.commission(report));

  return {
    config,
    log,
    state,
    wire,
    connection,
    requests,
    contracts,
    resolver: new IbkrContractResolver(contracts, requests),
    book,
    orderIds,
    fills,
    orders,
    market,
    portfolio,
    history: new IbkrHistory(requests),
    recordExecution,
  };
}
