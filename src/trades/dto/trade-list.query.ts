import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { ORDER_SIDES, type OrderSide } from '#brokers';
import { CursorPageQuery } from '../../common/pagination/cursor-page.query.js';
import { IsZonedTime } from '../../common/validation/is-zoned-time.js';

export const TRADE_LOG_FORMATS = ['json', 'csv'] as const;
export type TradeLogFormat = (typeof TRADE_LOG_FORMATS)[number];

export class TradeListQuery extends CursorPageQuery {
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
  @IsZonedTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-01-02T00:00:00.000Z',
    description: 'Executed at or before (UTC ISO 8601)',
  })
  @IsOptional()
  @IsZonedTime()
  to?: string;

  @ApiPropertyOptional({
    enum: TRADE_LOG_FORMATS,
    description:
      'csv streams every matching fill as CSV (as does Accept: text/csv), ignoring limit; default json, paged',
  })
  @IsOptional()
  @IsIn(TRADE_LOG_FORMATS)
  format?: TradeLogFormat;
}
