import { ApiProperty } from '@nestjs/swagger';
import { RANKING_STATISTICS } from '../backtest/ranking-statistic.js';

/** A strategy's place in the benchmark, earned by its best stored run. */
export class BenchmarkEntryView {
  @ApiProperty({ example: 1 })
  rank!: number;

  @ApiProperty({ example: 'sma-crossover' })
  strategy!: string;

  @ApiProperty({ example: 1.42, description: 'The value of the ranking statistic' })
  value!: number;

  @ApiProperty({
    format: 'uuid',
    description: 'The backtest job (a single run, or the sweep) that earned it',
  })
  backtestId!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { fast: 10, slow: 30 } })
  parameters!: Record<string, unknown>;

  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ type: String, nullable: true, example: '1h' })
  timeframe!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Every statistic of that run' })
  statistics!: Record<string, unknown>;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  finishedAt!: string;
}

export class BenchmarkView {
  @ApiProperty({ enum: RANKING_STATISTICS })
  by!: string;

  @ApiProperty({
    type: [BenchmarkEntryView],
    description: 'Best first; strategies without a completed run are absent',
  })
  items!: BenchmarkEntryView[];
}
