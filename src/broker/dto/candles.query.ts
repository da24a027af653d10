import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsZonedTime } from '../../common/validation/is-zoned-time.js';
import { IsDecimalInteger } from '../../common/validation/is-decimal-integer.js';
import { TickerQuery } from './ticker.query.js';

export const MAX_CANDLES = 5000;

export class CandlesQuery extends TickerQuery {
  @ApiProperty({
    example: '1m',
    description: "Bar length: <n>m, <n>h, <n>d or <n>w, among the broker's timeframes",
  })
  @Matches(/^[1-9]\d{0,3}[mhdw]$/, { message: 'timeframe must look like 1m, 15m, 1h, 4h or 1d' })
  timeframe!: string;

  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00.000Z',
    description: 'Start (UTC ISO 8601); default: `limit` bars before `to`',
  })
  @IsOptional()
  @IsZonedTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-01-02T00:00:00.000Z',
    description: 'End (UTC ISO 8601); default: now',
  })
  @IsOptional()
  @IsZonedTime()
  to?: string;

  @ApiPropertyOptional({ type: 'integer', example: 500, default: 500, minimum: 1, maximum: MAX_CANDLES })
  @IsOptional()
  @IsDecimalInteger(1, MAX_CANDLES)
  limit = 500;
}
