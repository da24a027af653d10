import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { IsDecimalInteger } from '../../common/validation/is-decimal-integer.js';
import { RANKING_STATISTICS, type RankingStatistic } from '../backtest/ranking-statistic.js';

/** GET /backtest/:id: how much of a completed run to return. */
export class BacktestDetailQuery {
  @ApiPropertyOptional({
    type: 'integer',
    default: 100,
    minimum: 0,
    maximum: 1000,
    description: 'Trades per page',
  })
  @IsOptional()
  @IsDecimalInteger(0, 1000)
  tradesLimit = 100;

  @ApiPropertyOptional({ description: 'trades.nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  tradesCursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    default: 1000,
    minimum: 2,
    maximum: 100_000,
    description: 'Equity curve points at most (the last bar of each even bucket of bars)',
  })
  @IsOptional()
  @IsDecimalInteger(2, 100_000)
  equityPoints = 1000;

  @ApiPropertyOptional({
    enum: RANKING_STATISTICS,
    default: 'sharpe',
    description: "A sweep's ranking statistic",
  })
  @IsOptional()
  @IsIn(RANKING_STATISTICS)
  rankBy: RankingStatistic = 'sharpe';

  @ApiPropertyOptional({
    type: 'integer',
    default: 50,
    minimum: 1,
    maximum: 1000,
    description: 'Ranked combinations per page',
  })
  @IsOptional()
  @IsDecimalInteger(1, 1000)
  resultsLimit = 50;

  @ApiPropertyOptional({ description: 'ranking.nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  resultsCursor?: string;
}
