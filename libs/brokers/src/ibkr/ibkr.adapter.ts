import { Subject, type Observable } from 'rxjs';
import type {
  AccountSummary,
  BrokerCapabilities,
  BrokerEvent,
  BrokerOrder,
  Candle,
  ConnectionStatus,
  Fill,
  Instrument,
  OrderAck,
  OrderRequest,
  Position,
  Ticker,
  Timeframe,
} from '../domain/index.js';
import { isFinalStatus } from '../domain/index.js';
import { OrderNotFoundError } from '../errors/index.js';
import { BrokerAdapter } from '../port/broker-adapter.js';
import type { VenueLogger } from '../port/broker-venue.js';
import { IBKR_CAPABILITIES } from './ibkr-capabilities.js';
import type { IbkrConfig } from './ibkr-config.js';
import { requestExecutions } from './ibkr-executions.js';
import { toFill } from './ibkr-fill.mapper.js';
import { routeIbkrMessages } from './ibkr-message-router.js';
import { buildIbkrParts, type IbkrParts } from './ibkr-parts.js';
import { IbkrSessionKeeper } from './ibkr-session-keeper.js';

const silent: VenueLogger = () => undefined;

/**
 * An Interactive Brokers account through TWS or IB Gateway, on @stoqey/ib's IBApi with the adapter
 * owning the state machine. Not IBApiNext: it drops the socket on 1100 (when fills still arrive), its
 * request ids collide with order ids, its open-order listing completes at the first OPEN_ORDER_END,
 * and it picks a random client id on reconnect (orders of the old id can no longer be changed).
 *
 * 1100 (TWS lost IB) reports `reconnecting` but keeps every callback; 1101/1102 and every socket
 * reconnect resubscribe what TWS dropped and reconcile orders, fills and positions before `connected`.
 */
export class IbkrAdapter extends BrokerAdapter {
  readonly kind = 'ibkr';
  readonly account: string;
  readonly capabilities: BrokerCapabilities = IBKR_CAPABILITIES;
  readonly events: Observable<BrokerEvent>;

  private readonly subject = new Subject<BrokerEvent>();
  private readonly parts: IbkrParts;
  private readonly session: IbkrSessionKeeper;

  constructor(config: IbkrConfig, log: VenueLogger = silent) {
    super();
    this.account = config.account;
    this.events = this.subject.asObservable();
    const emit = (event: BrokerEvent): void => this.subject.next(event);
    this.parts = buildIbkrParts(config, log, emit, (reason) => this.session.dropped(reason));
    this.session = new IbkrSessionKeeper(this.parts, emit);
    routeIbkrMessages(this.parts, (event, code) => this.session.link(event, code));
  }

  get status(): ConnectionStatus {
    return this.session.status;
  }

  /** Connects, checks the account, resolves the contracts, opens the streams and loads open orders. */
  async connect(): Promise<void> {
    await this.session.start();
  }

  async disconnect(): Promise<void> {
    this.session.stop();
    return Promise.resolve();
  }

  async placeOrder(request: OrderRequest): Promise<OrderAck> {
    this.parts.connection.api();
    const contract = await this.parts.resolver.resolve(request.symbol);
    return this.parts.orders.place(request, contract);
  }

  async cancelOrder(brokerOrderId: string): Promise<BrokerOrder> {
    return this.parts.orders.cancel(await this.knownOrderId(brokerOrderId));
  }

  async getOrder(brokerOrderId: string): Promise<BrokerOrder> {
    const order = this.parts.book.get(await this.knownOrderId(brokerOrderId));
    if (!order) throw this.notFound(brokerOrderId);
    return order;
  }

  /** The orders TWS lists as working for this client id. */
  async getOpenOrders(): Promise<BrokerOrder[]> {
    this.parts.connection.api();
    const listed = await this.parts.orders.listOpen();
    return [...listed].flatMap((orderId) => {
      const order = this.parts.book.get(orderId);
      return order && !isFinalStatus(order.status) ? [order] : [];
    });
  }

  /**
   * This session's record first; then TWS's open orders (an order of an earlier session still working);
   * then today's executions, so an order that filled while the app was down is found, not sent again.
   */
  async findOrderByClientOrderId(clientOrderId: string): Promise<BrokerOrder | null> {
    const { connection, book, orders, requests, config, state, recordExecution } = this.parts;
    connection.api();
    const known = book.byClient(clientOrderId);
    if (known) return known;
    await orders.listOpen();
    const open = book.byClient(clientOrderId);
    if (open) return open;
    const executions = await requestExecutions(requests, config.clientId, state.accountCode);
    for (const each of executions) {
      if (each.execution.orderRef === clientOrderId) recordExecution(each);
    }
    return book.byClient(clientOrderId) ?? null;
  }

  /** Executions of this client id since `since` (to the second, as TWS filters), oldest first. */
  async getFills(since: Date): Promise<Fill[]> {
    const { connection, requests, config, state, contracts, fills, book, recordExecution } = this.parts;
    connection.api();
    const floor = Math.floor(since.getTime() / 1000) * 1000;
    const executions = await requestExecutions(requests, config.clientId, state.accountCode, since);
    // A fill missed live (an outage) is published now, once.
    for (const each of executions) recordExecution(each);
    return executions
      .filter(({ execution }) => !execution.acctNumber || execution.acctNumber === state.accountCode)
      .map(({ contract, execution }) =>
        toFill(
          contracts.symbolOf(contract),
          contract,
          execution,
          fills.commissionOf(execution.execId ?? ''),
          book.get(execution.orderId ?? 0)?.clientOrderId ?? '',
        ),
      )
      .filter((fill) => Date.parse(fill.executedAt) >= floor)
      .sort((a, b) => Date.parse(a.executedAt) - Date.parse(b.executedAt));
  }

  async getPositions(): Promise<Position[]> {
    this.parts.connection.api();
    return (await this.parts.portfolio.positions()).filter((position) => position.side !== 'flat');
  }

  async getAccountSummary(): Promise<AccountSummary> {
    this.parts.connection.api();
    // The account is named as the app names it; IB's account code stays in the adapter's config.
    const summary = { ...(await this.parts.portfolio.summary()), account: this.account };
    this.subject.next({ type: 'account', account: this.account, summary });
    return summary;
  }

  async getCandles(symbol: string, timeframe: Timeframe, from: Date, to: Date): Promise<Candle[]> {
    this.parts.connection.api();
    return this.parts.history.candles(await this.parts.resolver.resolve(symbol), timeframe, from, to);
  }

  async getTicker(symbol: string): Promise<Ticker> {
    this.parts.connection.api();
    return this.parts.market.quote(await this.parts.resolver.resolve(symbol));
  }

  async getInstrument(symbol: string): Promise<Instrument> {
    this.parts.connection.api();
    return (await this.parts.resolver.resolve(symbol)).instrument;
  }

  /** The configured symbols IB resolved; one IB does not know is left out (and logged at connect). */
  async listInstruments(): Promise<Instrument[]> {
    this.parts.connection.api();
    const resolved = await Promise.all(
      this.parts.contracts
        .allSpecs()
        .map((spec) => this.parts.resolver.resolve(spec.symbol).catch(() => undefined)),
    );
    return resolved.flatMap((contract) => (contract ? [contract.instrument] : []));
  }

  /** The IB order id of a broker order id, looked up in TWS's open orders when this session never saw it. */
  private async knownOrderId(brokerOrderId: string): Promise<number> {
    this.parts.connection.api();
    const orderId = /^\d{1,10}$/.test(brokerOrderId) ? Number(brokerOrderId) : Number.NaN;
    if (!Number.isSafeInteger(orderId) || orderId <= 0) throw this.notFound(brokerOrderId);
    if (!this.parts.book.has(orderId)) await this.parts.orders.listOpen();
    if (!this.parts.book.has(orderId)) throw this.notFound(brokerOrderId);
    return orderId;
  }

  private notFound(brokerOrderId: string): OrderNotFoundError {
    return new OrderNotFoundError(`IB has no order ${brokerOrderId} of this client`, { broker: 'ibkr' });
  }
}
