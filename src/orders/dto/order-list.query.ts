import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '#brokers';
import { CursorPageQuery } from '../../common/pagination/cursor-page.query.js';
import { IsZonedTime } from '../../common/validation/is-zoned-time.js';

export class OrderListQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ example: 'BTCUSDT' })
  @IsOptional()
  @IsString()
  symbol?: string;

  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00.000Z',
    description: 'Created at or after (UTC ISO 8601)',
  })
  @IsOptional()
  @IsZonedTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-01-02T00:00:00.000Z',
    description: 'Created at or before (UTC ISO 8601)',
  })
  @IsOptional()
  @IsZonedTime()
  to?: string;
}
