import type { BarSeries } from '#backtest/data/bar-series.js';
import type { InstrumentRules } from '#backtest/engine/backtest-settings.js';
import type { BacktestSource } from '../backtest/backtest-record.js';

/** The bars of a run: one series per symbol (the first is the main one), and their bar length. */
export interface BacktestFeed {
  readonly series: readonly BarSeries[];
  /** The bar length (1h, 1d…); null when the source does not say. */
  readonly timeframe: string | null;
  /** Tick and lot size per symbol, as the account's broker trades it; a dataset has none. */
  readonly instruments?: Readonly<Record<string, InstrumentRules>>;
}

/**
 * Where a backtest's bars come from. An unknown account or dataset, or a source the broker cannot serve,
 * is refused with the project's errors (404, 422) so a run is refused before it is queued.
 */
export abstract class BacktestDataSource {
  abstract load(source: BacktestSource): Promise<BacktestFeed>;
}
