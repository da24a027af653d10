import type { TimeSpan } from './time-spans.js';

/** One bar as stored: open time in ms since the epoch, prices and volume as float64. */
export interface StoredBar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** Whose bars, of which symbol and timeframe: the key every read and write of `candles` is under. */
export interface CandleKey {
  /** From `accountSource` or `datasetSource`. */
  readonly source: string;
  readonly symbol: string;
  readonly timeframe: string;
}

/** Where bars are kept, and which spans of a broker's history have been asked for. */
export abstract class CandleRepository {
  /** Bars of `key` opening within `span`, oldest first. */
  abstract read(key: CandleKey, span: TimeSpan): Promise<StoredBar[]>;

  /** Stores the bars not stored yet; a bar already stored (same open time) is kept as it was. */
  abstract insert(key: CandleKey, bars: readonly StoredBar[]): Promise<void>;

  /** The spans of `key` already fetched that overlap `span`, merged, oldest first. */
  abstract coveredSpans(key: CandleKey, span: TimeSpan): Promise<TimeSpan[]>;

  /** Records `span` of `key` as fetched, merged with the spans it overlaps or touches. */
  abstract addCoveredSpan(key: CandleKey, span: TimeSpan): Promise<void>;
}
