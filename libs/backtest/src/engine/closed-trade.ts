/** One round trip: a position opened from flat and closed back to flat (or the run's end). */
export interface ClosedTrade {
  readonly symbol: string;
  readonly direction: 'long' | 'short';
  /** The largest absolute quantity held during the trade. */
  readonly quantity: number;
  readonly entryTime: number;
  /** Volume-weighted price of the fills that opened or added to the position. */
  readonly entryPrice: number;
  readonly exitTime: number;
  /** Volume-weighted price of the fills that reduced or closed it. */
  readonly exitPrice: number;
  /** Price PnL before fees. */
  readonly grossPnl: number;
  readonly fees: number;
  /** grossPnl minus fees: what the trade made. */
  readonly pnl: number;
  /** pnl over the entry notional. */
  readonly returnFraction: number;
  readonly bars: number;
  /** Maximum adverse / favourable excursion: the worst and best unrealized price PnL while open (<= 0, >= 0). */
  readonly mae: number;
  readonly mfe: number;
  /** True when the run ended with the position still open (marked at the last close, not traded). */
  readonly open: boolean;
}
