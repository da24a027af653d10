import type { DecimalString, Instrument } from '../domain/index.js';

/** One instrument the paper broker quotes and trades: its trading rules and how its price moves. */
export interface PaperInstrumentConfig extends Instrument {
  /** First mid price of the random walk. */
  readonly startPrice: DecimalString;
  /** Standard deviation of one tick's log return, e.g. 0.0005. */
  readonly volatility: number;
  /** Bid/ask spread in ticks. */
  readonly spreadTicks: number;
  /** Quantity quoted at the best bid and at the best ask; larger orders fill partially, tick by tick. */
  readonly depth: DecimalString;
  /** Margin used by a position = |quantity| × mark / leverage. */
  readonly leverage: number;
  /** Optional CSV of candles (time,open,high,low,close[,volume]) replayed instead of the random walk. */
  readonly replayFile?: string;
  /**
   * What a replayed tick is stamped with: the wall clock (default), or the file's own time, the candle's
   * open plus a quarter of the file's bar length per step along its path, so bars built from the ticks
   * are the file's candles (a live strategy replayed over history sees the bars a backtest sees).
   */
  readonly replayClock?: 'wall' | 'file';
  /**
   * Fee of this instrument's taker fills in basis points, overriding the account's `takerFeeBps`: venues
   * price products differently (a perpetual and a spot pair of one account rarely share a fee).
   */
  readonly takerFeeBps?: number;
  /** Fee of this instrument's maker fills in basis points, overriding the account's `makerFeeBps`. */
  readonly makerFeeBps?: number;
}

/** A paper account: a matching simulator with its own price feed. */
export interface PaperAccountConfig {
  readonly account: string;
  readonly currency: string;
  readonly startingCash: DecimalString;
  /** Fee on fills that take liquidity (market, marketable limit, triggered stop), in basis points. */
  readonly takerFeeBps: number;
  /** Fee on resting limit orders that fill, in basis points. */
  readonly makerFeeBps: number;
  /** Adverse slippage applied to market fills, in basis points of the quote. */
  readonly slippageBps: number;
  /** Milliseconds between price ticks; 0 stops the clock (tests drive the feed by hand). */
  readonly tickIntervalMs: number;
  /** Seed of the random walk: the same seed gives the same prices. */
  readonly seed: number;
  /** Minutes of 1-minute price history generated before the first tick, so candles exist at once. */
  readonly historyMinutes: number;
  readonly instruments: readonly PaperInstrumentConfig[];
  /**
   * JSON Lines file where the account journals every order change and execution before announcing it,
   * and from which it restores on construction: the paper broker's own record, surviving a crash of the
   * process like a real broker's. Unset keeps the account in memory only.
   */
  readonly journalFile?: string;
}
