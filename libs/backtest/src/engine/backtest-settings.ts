/** Trading rules of one symbol in a backtest: prices round to `tickSize`, quantities down to `lotSize`. */
export interface InstrumentRules {
  readonly tickSize: number;
  readonly lotSize: number;
}

export type PositionSizing =
  | { readonly kind: 'fixed'; readonly quantity: number }
  /** Quantity worth `percent` of equity at the signal bar's close. */
  | { readonly kind: 'percent_of_equity'; readonly percent: number };

export interface BacktestSettings {
  readonly startingCash: number;
  /** Per order: a fixed amount plus basis points of the filled notional. */
  readonly commission: { readonly perOrder: number; readonly bps: number };
  /** Against the trader on every market and stop fill: basis points of the price, or ticks. */
  readonly slippage: { readonly kind: 'bps' | 'ticks'; readonly amount: number };
  readonly sizing: PositionSizing;
  /** Where a market order fills: the next bar's open (default) or the signal bar's close. */
  readonly marketFill: 'next_open' | 'close';
  /** Rules per symbol; a symbol not listed trades any price and quantity. */
  readonly instruments?: Readonly<Record<string, InstrumentRules>>;
  /** Periods per year to annualize bar returns; estimated from the bars' time span when left out. */
  readonly periodsPerYear?: number;
}

export const DEFAULT_BACKTEST_SETTINGS: BacktestSettings = {
  startingCash: 100_000,
  commission: { perOrder: 0, bps: 0 },
  slippage: { kind: 'bps', amount: 0 },
  sizing: { kind: 'fixed', quantity: 1 },
  marketFill: 'next_open',
};
