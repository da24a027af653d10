import { doublePrecision, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/**
 * OHLCV bars for backtests: an account's broker history as cached, and uploaded datasets. `source` says
 * whose bars they are (`account:<name>` or `dataset:<id>`), so a broker's bars and an upload of the
 * same symbol never mix. Prices are float64, not the exact decimals of the trading tables: backtests
 * compute in float64, and a bar is read far more often than it is written.
 */
export const candles = pgTable(
  'candles',
  {
    source: text('source').notNull(),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').notNull(),
    /** The bar's open. */
    openTime: instant('open_time').notNull(),
    open: doublePrecision('open').notNull(),
    high: doublePrecision('high').notNull(),
    low: doublePrecision('low').notNull(),
    close: doublePrecision('close').notNull(),
    volume: doublePrecision('volume').notNull().default(0),
  },
  // The key is also the index every range read walks.
  (table) => [primaryKey({ columns: [table.source, table.symbol, table.timeframe, table.openTime] })],
);

/**
 * The spans of open times already asked of a broker, per account, symbol and timeframe, merged. The
 * candles alone cannot say this: a broker has no bars before its history starts, over a weekend or a
 * halt, and without this record every backtest over such a gap would ask the broker again.
 */
export const candleRanges = pgTable(
  'candle_ranges',
  {
    source: text('source').notNull(),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').notNull(),
    /** Open times of the first and last bar the span covers, both inclusive. */
    firstOpenTime: instant('first_open_time').notNull(),
    lastOpenTime: instant('last_open_time').notNull(),
  },
  (table) => [primaryKey({ columns: [table.source, table.symbol, table.timeframe, table.firstOpenTime] })],
);
