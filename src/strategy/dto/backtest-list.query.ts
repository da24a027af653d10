import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsDecimalInteger } from '../../common/validation/is-decimal-integer.js';

/** GET /backtests: one page, newest first. */
export class BacktestListQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500, description: 'Page size' })
  @IsOptional()
  @IsDecimalInteger(1, 500)
  limit = 50;
}
