import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ORDER_SIDES, type OrderSide } from '../../../libs/brokers/src/index.js';

export const TRADE_LOG_FORMATS = ['json', 'csv'] as const;
export type TradeLogFormat = (typeof TRADE_LOG_FORMATS)[number];

/** A date, or a time that says its offset: a bare local time would mean whatever the server's zone is. */
const ZONED = /^\d{4}-\d{2}-\d{2}$|(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const ZONED_MESSAGE = '$property must be a UTC ISO 8601 time (ending in Z or an offset) or a date';

export class TradeListQuery {
  @ApiPropertyOptional({ example: 'paper' })
  @IsOptional()
  @IsString()
  account?: string;

  @ApiPropertyOptional({ example: 'BTCUSDT' })
  @IsOptional()
  @IsString()
  symbol?: string;

  @ApiPropertyOptional({ enum: ORDER_SIDES })
  @IsOptional()
  @IsIn(ORDER_SIDES)
  side?: OrderSide;

  @ApiPropertyOptional({ example: 'sma-cross' })
  @IsOptional()
  @IsString()
  strategy?: string;

  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00.000Z',
    description: 'Executed at or after (UTC ISO 8601)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: ZONED_MESSAGE })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-01-02T00:00:00.000Z',
    description: 'Executed at or before (UTC ISO 8601)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ZONED, { message: ZONED_MESSAGE })
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000, description: 'Page size; ignored by the CSV export' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;

  @ApiPropertyOptional({
    enum: TRADE_LOG_FORMATS,
    description: 'csv streams every matching fill as CSV (as does Accept: text/csv); default json, paged',
  })
  @IsOptional()
  @IsIn(TRADE_LOG_FORMATS)
  format?: TradeLogFormat;
}
