import { readFileSync } from 'node:fs';
import type Big from 'big.js';
import { dec, isMultipleOf, roundToStep } from '../../decimal/index.js';
import { parseCandleCsv } from './csv-candles.js';
import type { PaperInstrumentConfig } from '../paper-config.js';
import { type PaperQuote, priceFloor, quoteAround, ZERO } from './paper-quote.js';
import type { PriceSource } from './price-source.js';
import { RandomWalk } from './random-walk.js';
import { ReplayFeed } from './replay-feed.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';

interface Stream {
  readonly instrument: PaperInstrumentConfig;
  readonly tickSize: Big;
  /** Quoted at the bid and at the ask: the instrument's `depth` until a simulator control changes it. */
  size: Big;
  readonly source: PriceSource;
  /** Volume draws have their own stream so that they never shift the prices. */
  readonly volumeRandom: SeededRandom;
  quote: PaperQuote;
}

/** Reads a replay file; injectable so tests need no disk. */
export type TextReader = (path: string) => string;

/**
 * The paper broker's market: one price source per instrument (seeded random walk, or a replayed candle
 * file when `replayFile` is set) turned into quotes of `depth` at the bid and at the ask.
 */
export class PriceFeed {
  private readonly streams = new Map<string, Stream>();

  constructor(
    instruments: readonly PaperInstrumentConfig[],
    seed: number,
    startMs: number,
    readText: TextReader = (path) => readFileSync(path, 'utf8'),
  ) {
    for (const instrument of instruments) {
      const tickSize = dec(instrument.tickSize);
      const floor = priceFloor(tickSize, instrument.spreadTicks);
      const source: PriceSource = instrument.replayFile
        ? new ReplayFeed(
            parseCandleCsv(readText(instrument.replayFile), instrument.replayFile),
            tickSize,
            floor,
          )
        : new RandomWalk(
            dec(instrument.startPrice),
            tickSize,
            instrument.volatility,
            floor,
            new SeededRandom(deriveSeed(seed, `walk:${instrument.symbol}`)),
          );
      const size = dec(instrument.depth);
      this.streams.set(instrument.symbol, {
        instrument,
        tickSize,
        size,
        source,
        volumeRandom: new SeededRandom(deriveSeed(seed, `volume:${instrument.symbol}`)),
        quote: quoteFor(
          instrument,
          tickSize,
          size,
          source.current,
          ZERO,
          stampOf(instrument, source, startMs),
        ),
      });
    }
  }

  /** The current quote of `symbol`, or undefined for a symbol the feed does not know. */
  quote(symbol: string): PaperQuote | undefined {
    return this.streams.get(symbol)?.quote;
  }

  /** Current quotes of every symbol, in config order. */
  quotes(): PaperQuote[] {
    return [...this.streams.values()].map((stream) => stream.quote);
  }

  /** Moves every symbol one tick, stamped `timeMs`, and returns the new quotes in config order. */
  advance(timeMs: number): PaperQuote[] {
    return [...this.streams.values()].map((stream) => {
      const volume = roundToStep(
        stream.size.times(stream.volumeRandom.next() / 2),
        stream.instrument.lotSize,
        'down',
      );
      const price = stream.source.next();
      const stamp = stampOf(stream.instrument, stream.source, timeMs);
      stream.quote = quoteFor(stream.instrument, stream.tickSize, stream.size, price, volume, stamp);
      return stream.quote;
    });
  }

  /**
   * Simulator control: forces the quote of `symbol`. A random walk continues from the new middle; a
   * replay resumes its file on the next tick. Throws RangeError on a quote the instrument cannot show.
   */
  set(symbol: string, bid: Big, ask: Big, timeMs: number): PaperQuote {
    const stream = this.streams.get(symbol);
    if (!stream) throw new RangeError(`unknown symbol ${symbol}`);
    if (bid.lte(0) || ask.lte(bid))
      throw new RangeError(`need 0 < bid < ask, got bid ${bid.toFixed()} ask ${ask.toFixed()}`);
    if (!isMultipleOf(bid, stream.tickSize) || !isMultipleOf(ask, stream.tickSize)) {
      throw new RangeError(`bid and ask must be multiples of the tick size ${stream.instrument.tickSize}`);
    }
    const last = roundToStep(bid.plus(ask).div(2), stream.tickSize, 'nearest');
    stream.source.moveTo(last);
    stream.quote = { symbol, bid, ask, last, size: stream.size, volume: ZERO, timeMs };
    return stream.quote;
  }

  /**
   * Simulator control: quotes `size` at the bid and at the ask of `symbol` from now on, starting with a
   * new quote at the current prices. Throws RangeError for an unknown symbol or a size that is not positive.
   */
  setDepth(symbol: string, size: Big, timeMs: number): PaperQuote {
    const stream = this.streams.get(symbol);
    if (!stream) throw new RangeError(`unknown symbol ${symbol}`);
    if (size.lte(0)) throw new RangeError(`depth must be positive, got ${size.toFixed()}`);
    stream.size = size;
    stream.quote = { ...stream.quote, size, volume: ZERO, timeMs };
    return stream.quote;
  }
}

/** The time a quote carries: the replay file's own under `replayClock: 'file'`, else the clock's. */
function stampOf(instrument: PaperInstrumentConfig, source: PriceSource, clockMs: number): number {
  return instrument.replayClock === 'file' ? (source.currentTimeMs ?? clockMs) : clockMs;
}

function quoteFor(
  instrument: PaperInstrumentConfig,
  tickSize: Big,
  size: Big,
  price: Big,
  volume: Big,
  timeMs: number,
): PaperQuote {
  const { bid, ask } = quoteAround(price, tickSize, instrument.spreadTicks);
  return { symbol: instrument.symbol, bid, ask, last: price, size, volume, timeMs };
}
