import type Big from 'big.js';
import { type Candle, dec, PaperAdapter, type Ticker } from '../../paper-engine.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrument } from './bybit-instrument.js';
import { toPaperInstrument } from './bybit-instrument.js';
import type { BybitInstrumentRegistry } from './bybit-instrument-registry.js';

/** The top of book of one instrument, as every account and every public stream sees it. */
export interface BybitQuote {
  readonly instrument: BybitInstrument;
  readonly bid: Big;
  readonly ask: Big;
  /** Bybit's LastPrice: what conditional orders and TP/SL trigger on. */
  readonly last: Big;
  readonly bidSize: Big;
  readonly askSize: Big;
  readonly timeMs: number;
}

export interface BybitMarketOptions {
  readonly seed: number;
  readonly historyMinutes: number;
}

/**
 * The public market: one paper engine used purely as a price feed and candle history (it never
 * trades), so that every account and every public endpoint shares one set of prices. Accounts mirror
 * its quotes into their own engines.
 */
export class BybitMarket {
  private readonly feed: PaperAdapter;
  private readonly quotes = new Map<string, BybitQuote>();

  constructor(
    private readonly registry: BybitInstrumentRegistry,
    options: BybitMarketOptions,
    clock: () => number,
  ) {
    this.feed = new PaperAdapter(
      {
        account: 'bybit-market',
        currency: 'USDT',
        startingCash: '0',
        takerFeeBps: 0,
        makerFeeBps: 0,
        slippageBps: 0,
        // The simulator drives the ticks itself, so that each one reaches the accounts in order.
        tickIntervalMs: 0,
        seed: options.seed,
        historyMinutes: options.historyMinutes,
        instruments: registry.all().map(toPaperInstrument),
      },
      clock,
    );
  }

  async start(): Promise<void> {
    await this.feed.connect();
    for (const instrument of this.registry.all()) await this.refresh(instrument);
  }

  async stop(): Promise<void> {
    await this.feed.disconnect();
  }

  /** The instruments the market quotes, of one category or all. */
  instruments(category?: BybitCategory): BybitInstrument[] {
    return this.registry.all(category);
  }

  /** The current quote of `instrument`. */
  quote(instrument: BybitInstrument): BybitQuote {
    const quote = this.quotes.get(instrument.paperSymbol);
    if (!quote) throw new Error(`no quote for ${instrument.paperSymbol}: the market is not started`);
    return quote;
  }

  /** One tick of the random walk for every instrument; returns the new quotes in config order. */
  async tick(): Promise<BybitQuote[]> {
    this.feed.tick();
    const quotes: BybitQuote[] = [];
    for (const instrument of this.registry.all()) quotes.push(await this.refresh(instrument));
    return quotes;
  }

  /**
   * Forces the quote of one instrument (bid < ask, both on the tick grid). The last price is the middle
   * of the two, rounded half up to the tick: {@link quoteAt} picks a bid and ask whose middle is a price.
   */
  async setPrice(instrument: BybitInstrument, bid: Big, ask: Big): Promise<BybitQuote> {
    this.feed.setQuote(instrument.paperSymbol, bid.toFixed(), ask.toFixed());
    return this.refresh(instrument);
  }

  /** Sets the size quoted at the bid and at the ask, from now on. */
  async setDepth(instrument: BybitInstrument, depth: Big): Promise<BybitQuote> {
    this.feed.setDepth(instrument.paperSymbol, depth.toFixed());
    return this.refresh(instrument);
  }

  /** One-minute-aligned candles of any `<n>m|h|d|w` timeframe opening within [fromMs, toMs]. */
  candles(instrument: BybitInstrument, timeframe: string, fromMs: number, toMs: number): Promise<Candle[]> {
    return this.feed.getCandles(instrument.paperSymbol, timeframe, new Date(fromMs), new Date(toMs));
  }

  private async refresh(instrument: BybitInstrument): Promise<BybitQuote> {
    const quote = toQuote(instrument, await this.feed.getTicker(instrument.paperSymbol));
    this.quotes.set(instrument.paperSymbol, quote);
    return quote;
  }
}

/**
 * A bid and ask `spreadTicks` apart whose middle rounds (half up, as the paper feed rounds it) to
 * `price`, so that setting a price makes it the last price exactly. RangeError when the bid would not
 * be positive.
 */
export function quoteAt(instrument: BybitInstrument, price: Big): { bid: Big; ask: Big } {
  const spread = Math.max(1, Math.round(instrument.config.spreadTicks));
  const bid = price.minus(instrument.tickSize.times(Math.ceil(spread / 2)));
  if (bid.lte(0)) throw new RangeError(`price ${price.toFixed()} leaves no room for a positive bid`);
  return { bid, ask: bid.plus(instrument.tickSize.times(spread)) };
}

function toQuote(instrument: BybitInstrument, ticker: Ticker): BybitQuote {
  return {
    instrument,
    bid: dec(ticker.bid),
    ask: dec(ticker.ask),
    last: dec(ticker.last),
    bidSize: dec(ticker.bidSize),
    askSize: dec(ticker.askSize),
    timeMs: Date.parse(ticker.time),
  };
}
