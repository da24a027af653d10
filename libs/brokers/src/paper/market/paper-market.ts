import type Big from 'big.js';
import { dec } from '../../decimal/index.js';
import type { Candle } from '../../domain/index.js';
import { CandleHistory } from '../candles/candle-history.js';
import { generateHistory } from '../candles/history-generator.js';
import type { PaperAccountConfig } from '../paper-config.js';
import { type PaperQuote, priceFloor } from './paper-quote.js';
import { PriceFeed, type TextReader } from './price-feed.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';

/** The nominal tick when the clock is stopped (tests): history still needs a per-minute volatility. */
const NOMINAL_TICK_MS = 1000;

/**
 * The paper broker's market data: the price feed plus the candles built from it, with generated
 * history in front so charts have data at once.
 */
export class PaperMarket {
  readonly history = new CandleHistory();
  private readonly feed: PriceFeed;

  constructor(config: PaperAccountConfig, nowMs: number, readText?: TextReader) {
    this.feed = new PriceFeed(config.instruments, config.seed, nowMs, readText);
    const ticksPerMinute = 60_000 / (config.tickIntervalMs > 0 ? config.tickIntervalMs : NOMINAL_TICK_MS);
    for (const instrument of config.instruments) {
      const quote = this.quote(instrument.symbol);
      if (!quote) continue;
      // A replay on the file's clock has the file as its history: bars made up before it would sit in 2026.
      if (instrument.replayClock === 'file') {
        this.history.record(quote.symbol, quote.last, quote.volume, quote.timeMs);
        continue;
      }
      const tickSize = dec(instrument.tickSize);
      this.history.preload(
        instrument.symbol,
        generateHistory({
          endPrice: quote.last,
          nowMs,
          minutes: Math.max(0, Math.floor(config.historyMinutes)),
          tickSize,
          lotSize: dec(instrument.lotSize),
          floor: priceFloor(tickSize, instrument.spreadTicks),
          minuteVolatility: instrument.volatility * Math.sqrt(ticksPerMinute),
          minuteVolume: dec(instrument.depth).times(ticksPerMinute / 4),
          random: new SeededRandom(deriveSeed(config.seed, `history:${instrument.symbol}`)),
        }),
      );
      this.history.record(quote.symbol, quote.last, quote.volume, quote.timeMs);
    }
  }

  quote(symbol: string): PaperQuote | undefined {
    return this.feed.quote(symbol);
  }

  quotes(): PaperQuote[] {
    return this.feed.quotes();
  }

  /** One tick for every symbol: new quotes, recorded in the candles. */
  advance(nowMs: number): PaperQuote[] {
    const quotes = this.feed.advance(nowMs);
    for (const quote of quotes) this.history.record(quote.symbol, quote.last, quote.volume, quote.timeMs);
    return quotes;
  }

  /** Simulator control: forces one symbol's quote (see {@link PriceFeed.set}). */
  set(symbol: string, bid: Big, ask: Big, nowMs: number): PaperQuote {
    const quote = this.feed.set(symbol, bid, ask, nowMs);
    this.history.record(symbol, quote.last, quote.volume, nowMs);
    return quote;
  }

  /** Simulator control: changes one symbol's quoted size (see {@link PriceFeed.setDepth}). */
  setDepth(symbol: string, size: Big, nowMs: number): PaperQuote {
    return this.feed.setDepth(symbol, size, nowMs);
  }

  candles(symbol: string, timeframeMs: number, fromMs: number, toMs: number): Candle[] {
    return this.history.getCandles(symbol, timeframeMs, fromMs, toMs);
  }
}
