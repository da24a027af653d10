import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BACKTEST_STATUSES } from '../backtest/backtest-record.js';
import { RANKING_STATISTICS } from '../backtest/ranking-statistic.js';

const STATISTICS_DESCRIPTION =
  'The run\'s statistics (README, "Backtest statistics"): float64 figures as JSON numbers, ratios as ' +
  'fractions (0.1 is 10 %), null where a statistic is undefined for the run';

/** A backtest job as listed: what was asked, where it is, and its statistics once completed. */
export class BacktestSummaryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'sma-crossover' })
  strategy!: string;

  @ApiProperty({ enum: ['single', 'sweep'] })
  kind!: 'single' | 'sweep';

  @ApiProperty({ enum: BACKTEST_STATUSES })
  status!: string;

  @ApiProperty({ example: 42.5, description: 'Percent done, 0 to 100' })
  progressPercent!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the job failed' })
  error!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { fast: 10, slow: 30 },
    description: 'The parameters run; of a sweep, its best combination by sharpe once completed',
  })
  parameters!: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: {} },
    nullable: true,
    description: "A sweep's grid, fixed parameters included as one-value lists",
  })
  grid!: Record<string, unknown[]> | null;

  @ApiProperty({ example: 1, description: 'Parameter combinations run (1 for a single run)' })
  combinations!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      kind: 'account',
      account: 'paper',
      symbols: ['BTCUSDT'],
      timeframe: '1m',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-02T00:00:00.000Z',
    },
  })
  source!: Record<string, unknown>;

  @ApiProperty({ example: 'BTCUSDT', description: 'The main (first) symbol' })
  symbol!: string;

  @ApiProperty({ type: String, nullable: true, example: '1m' })
  timeframe!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 1440, description: 'Bars of the main symbol' })
  bars!: number | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The engine settings: cash, costs, sizing, fills',
  })
  settings!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: STATISTICS_DESCRIPTION,
  })
  statistics!: Record<string, unknown> | null;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  finishedAt!: string | null;
}

export class BacktestPageView {
  @ApiProperty({ type: [BacktestSummaryView] })
  items!: BacktestSummaryView[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}

export class EquityCurvePointView {
  @ApiProperty({ example: '2026-01-02T03:04:00.000Z', description: "The bar's open time" })
  time!: string;

  @ApiProperty({ example: '100250.5', description: 'Cash plus positions at the close' })
  equity!: string;

  @ApiProperty({ example: 0.0123, description: 'Fraction below the running peak' })
  drawdown!: number;
}

export class BacktestTradeView {
  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ enum: ['long', 'short'] })
  direction!: string;

  @ApiProperty({ example: '1' })
  quantity!: string;

  @ApiProperty({ example: '2026-01-02T03:04:00.000Z' })
  entryTime!: string;

  @ApiProperty({ example: '65000.5' })
  entryPrice!: string;

  @ApiProperty({ example: '2026-01-02T05:00:00.000Z' })
  exitTime!: string;

  @ApiProperty({ example: '65500' })
  exitPrice!: string;

  @ApiProperty({ example: '499.5', description: 'Before fees' })
  grossPnl!: string;

  @ApiProperty({ example: '1.2' })
  fees!: string;

  @ApiProperty({ example: '498.3', description: 'After fees' })
  pnl!: string;

  @ApiProperty({ example: 0.0076, description: 'pnl over the entry notional' })
  returnFraction!: number;

  @ApiProperty({ example: 12 })
  bars!: number;

  @ApiProperty({ example: '-120', description: 'Worst unrealized price PnL while open' })
  mae!: string;

  @ApiProperty({ example: '640', description: 'Best unrealized price PnL while open' })
  mfe!: string;

  @ApiProperty({ description: 'Still open at the end of the run (marked at the last close)' })
  open!: boolean;
}

export class BacktestTradePageView {
  @ApiProperty({ example: 37, description: 'Trades in the run' })
  total!: number;

  @ApiProperty({ type: [BacktestTradeView], description: 'In the order they were opened' })
  items!: BacktestTradeView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?tradesCursor= for the next page' })
  nextCursor!: string | null;
}

export class RankedCombinationView {
  @ApiProperty({ example: 1 })
  rank!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { fast: 10, slow: 50 } })
  parameters!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, description: STATISTICS_DESCRIPTION })
  statistics!: Record<string, unknown>;
}

export class SweepRankingView {
  @ApiProperty({ enum: RANKING_STATISTICS })
  rankBy!: string;

  @ApiProperty({ type: [RankedCombinationView], description: 'Best first; undefined values last' })
  items!: RankedCombinationView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?resultsCursor= for the next page' })
  nextCursor!: string | null;
}

/** One job with, once completed, its curves and trades (and a sweep's ranked combinations). */
export class BacktestDetailView extends BacktestSummaryView {
  @ApiPropertyOptional({
    type: [EquityCurvePointView],
    description: 'Completed: the equity curve, at most ?equityPoints= points',
  })
  equity?: EquityCurvePointView[];

  @ApiPropertyOptional({
    type: BacktestTradePageView,
    description: 'Completed: the trades of the (best) run, paged',
  })
  trades?: BacktestTradePageView;

  @ApiPropertyOptional({ type: SweepRankingView, description: 'A completed sweep: its combinations ranked' })
  ranking?: SweepRankingView;
}
