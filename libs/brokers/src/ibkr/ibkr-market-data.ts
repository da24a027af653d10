import type { IBApi } from '@stoqey/ib';
import { dec, toDecimalString } from '../decimal/index.js';
import type { Ticker } from '../domain/index.js';
import { BrokerTimeoutError, type BrokerError } from '../errors/index.js';
import type { IbkrResolvedContract } from './ibkr-contract-book.js';
import { toIbkrError } from './ibkr-error-codes.js';
import type { IbkrRequests } from './ibkr-requests.js';
import type { IbkrWire } from './ibkr-wire.js';

/** Tick types of TWS's market data, live and delayed (66-70: delayed bid, ask, last, bid size, ask size). */
const FIELD: Readonly<Record<number, keyof Quote>> = {
  0: 'bidSize',
  1: 'bid',
  2: 'ask',
  3: 'askSize',
  4: 'last',
  66: 'bid',
  67: 'ask',
  68: 'last',
  69: 'bidSize',
  70: 'askSize',
};

interface Quote {
  bid?: number;
  ask?: number;
  last?: number;
  bidSize?: number;
  askSize?: number;
  time: number;
}

interface Line {
  readonly contract: IbkrResolvedContract;
  reqId: number;
  quote: Quote;
  published?: string;
  waiters: { resolve: (ticker: Ticker) => void; reject: (error: BrokerError) => void }[];
}

const text = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '0' : toDecimalString(dec(value));

/** A quote is answered once both sides have a price and a size: TWS sends each as its own tick. */
function isComplete(line: Line): boolean {
  const { bid, ask, bidSize, askSize } = line.quote;
  return bid !== undefined && ask !== undefined && bidSize !== undefined && askSize !== undefined;
}

/**
 * One streaming market-data line per symbol asked for, kept open for the session: a quote is answered
 * from the latest bid, ask and last, and every change is pushed as a tick. Lines are requested again
 * after a reconnect or a 1101 (TWS dropped them).
 */
export class IbkrMarketData {
  private readonly lines = new Map<string, Line>();
  private readonly byReqId = new Map<number, Line>();

  constructor(
    wire: IbkrWire,
    private readonly requests: IbkrRequests,
    private readonly api: () => IBApi,
    private readonly timeoutMs: number,
    private readonly publish: (ticker: Ticker) => void,
  ) {
    wire.on('tickPrice', (reqId, field, value) => this.update(reqId, field, value));
    wire.on('tickSize', (reqId, field, value) => {
      if (field !== undefined) this.update(reqId, field, value);
    });
  }

  /**
   * The latest quote of a symbol; opens its line first if needed and waits for both sides' prices and
   * sizes (or, when the sizes never come, answers the prices at the timeout).
   */
  quote(contract: IbkrResolvedContract): Promise<Ticker> {
    this.watch(contract);
    const line = this.lines.get(contract.symbol);
    if (!line) throw new Error(`no market data line for ${contract.symbol}`);
    const ready = this.toTicker(line);
    if (ready && isComplete(line)) return Promise.resolve(ready);
    const waiting = line;
    return new Promise<Ticker>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.waiters = waiting.waiters.filter((w) => w !== waiter);
        // Prices without sizes (an index, a contract TWS quotes no size for) still answer.
        const partial = this.toTicker(waiting);
        if (partial) {
          resolve(partial);
          return;
        }
        reject(
          new BrokerTimeoutError(`TWS sent no quote for ${contract.symbol} within ${this.timeoutMs} ms`, {
            broker: 'ibkr',
          }),
        );
      }, this.timeoutMs);
      timer.unref();
      const waiter = {
        resolve: (ticker: Ticker) => {
          clearTimeout(timer);
          resolve(ticker);
        },
        reject: (error: BrokerError) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      waiting.waiters.push(waiter);
    });
  }

  /** Opens a symbol's line, if not open, so its ticks mark a position; nothing waits for a quote. */
  watch(contract: IbkrResolvedContract): void {
    if (this.lines.has(contract.symbol)) return;
    const line: Line = { contract, reqId: 0, quote: { time: 0 }, waiters: [] };
    this.lines.set(contract.symbol, line);
    this.open(line);
  }

  /** The latest last (or mid) price of a symbol with an open line, for position marks. */
  lastPrice(symbol: string): string | undefined {
    const quote = this.lines.get(symbol)?.quote;
    if (!quote) return undefined;
    if (quote.last) return text(quote.last);
    if (quote.bid && quote.ask) return toDecimalString(dec(quote.bid).plus(quote.ask).div(2));
    return undefined;
  }

  /** Routes an IB error sent with a line's request id; false when it is not one. */
  fail(reqId: number, code: number, message: string): boolean {
    const line = this.byReqId.get(reqId);
    if (!line) return false;
    const error = toIbkrError(code, message);
    this.byReqId.delete(reqId);
    this.lines.delete(line.contract.symbol);
    for (const waiter of line.waiters.splice(0)) waiter.reject(error);
    return true;
  }

  /** Requests every line again on a fresh socket, or after TWS lost them (1101). */
  resubscribe(): void {
    for (const line of this.lines.values()) this.open(line);
  }

  private open(line: Line): void {
    const api = this.api();
    if (line.reqId) {
      this.byReqId.delete(line.reqId);
      try {
        api.cancelMktData(line.reqId);
      } catch {
        // The old line died with its socket.
      }
    }
    line.reqId = this.requests.nextId();
    this.byReqId.set(line.reqId, line);
    api.reqMktData(line.reqId, line.contract.contract, '', false, false);
  }

  private update(reqId: number, field: number, value: number | undefined): void {
    const line = this.byReqId.get(reqId);
    const key = FIELD[field];
    if (!line || !key || value === undefined || !Number.isFinite(value) || value < 0) return;
    line.quote[key] = value;
    line.quote.time = Date.now();
    const ticker = this.toTicker(line);
    if (!ticker) return;
    if (isComplete(line)) for (const waiter of line.waiters.splice(0)) waiter.resolve(ticker);
    // TWS sends bid, ask and their sizes as separate ticks: publish a quote once, not once per field.
    const shown = `${ticker.bid}|${ticker.ask}|${ticker.last}|${ticker.bidSize}|${ticker.askSize}`;
    if (shown === line.published) return;
    line.published = shown;
    this.publish(ticker);
  }

  private toTicker(line: Line): Ticker | undefined {
    const { bid, ask, last, bidSize, askSize, time } = line.quote;
    if (!bid || !ask) return undefined;
    return {
      symbol: line.contract.symbol,
      bid: text(bid),
      ask: text(ask),
      last: last ? text(last) : toDecimalString(dec(bid).plus(ask).div(2)),
      bidSize: text(bidSize),
      askSize: text(askSize),
      time: new Date(time).toISOString(),
    };
  }
}
