import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsDecimalInteger } from '../../common/validation/is-decimal-integer.js';
import { RANKING_STATISTICS, type RankingStatistic } from '../backtest/ranking-statistic.js';

/** GET /strategies/benchmark */
export class BenchmarkQuery {
  @ApiPropertyOptional({
    enum: RANKING_STATISTICS,
    default: 'sharpe',
    description: 'The statistic strategies are ranked by',
  })
  @IsOptional()
  @IsIn(RANKING_STATISTICS, { message: `by must be one of ${RANKING_STATISTICS.join(', ')}` })
  by: RankingStatistic = 'sharpe';

  @ApiPropertyOptional({ example: 'BTCUSDT', description: 'Only runs whose main symbol is this' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._/-]{1,32}$/, { message: 'symbol must be 1-32 letters, digits or ._/-' })
  symbol?: string;

  @ApiPropertyOptional({ example: '1h', description: 'Only runs on this bar length' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,3}[mhdw]$/, { message: 'timeframe must look like 1m, 15m, 1h, 4h or 1d' })
  timeframe?: string;

  @ApiPropertyOptional({ type: 'integer', default: 10, minimum: 1, maximum: 100 })
  @IsOptional()
  @IsDecimalInteger(1, 100)
  limit = 10;
}
