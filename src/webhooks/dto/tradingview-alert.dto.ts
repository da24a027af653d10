import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { IsDecimalValue, ORDER_SIDES, type OrderSide } from '#brokers';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsZonedTime } from '../../common/validation/is-zoned-time.js';
import { ExcludesFields } from './excludes-fields.js';
import { SignalPricesDto } from '../../strategy/dto/signal-prices.dto.js';

const DECIMAL = { type: String, format: 'decimal' } as const;

/**
 * The body of POST /webhooks/tradingview/:id, as TradingView sends the message template once its
 * placeholders are filled in. A side with a quantity or a percent of equity, or a target position; a
 * number is taken as well as a decimal string and becomes one.
 */
export class TradingViewAlertDto extends SignalPricesDto {
  @ApiProperty({ example: 'whs_…', description: "The webhook's secret (TradingView cannot send headers)" })
  @IsString()
  @Length(1, 256)
  secret!: string;

  @ApiProperty({
    example: '2026-12-02T14:05:00Z-Long',
    description: 'Unique per alert: a second alert with the same id is refused (409) and never traded',
  })
  @IsString()
  @Matches(/^[^\p{Cc}]{1,64}$/u, {
    message: 'alertId must be 1-64 characters, none of them a control character',
  })
  alertId!: string;

  @ApiProperty({
    example: '2026-12-02T14:05:00Z',
    description: "When the alert fired ({{timenow}}); refused outside the webhook's replay window",
  })
  @IsZonedTime()
  time!: string;

  @ApiProperty({ example: 'BTCUSDT', description: "One of the webhook's symbols ({{ticker}})" })
  @Matches(/^[A-Za-z0-9._:/-]{1,32}$/, { message: 'symbol must be 1-32 letters, digits, . _ : / or -' })
  symbol!: string;

  @ApiPropertyOptional({
    enum: ORDER_SIDES,
    description: 'buy or sell in any case ({{strategy.order.action}}); with quantity or percentOfEquity',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @ValidateIf((alert: TradingViewAlertDto) => alert.targetPosition === undefined || alert.side !== undefined)
  @IsIn(ORDER_SIDES, { message: `side must be one of ${ORDER_SIDES.join(', ')} (or give targetPosition)` })
  side?: OrderSide;

  @ApiPropertyOptional({ ...DECIMAL, example: '0.01' })
  @ValidateIf(
    (alert: TradingViewAlertDto) =>
      (alert.side !== undefined && alert.percentOfEquity === undefined) || alert.quantity !== undefined,
  )
  @IsDefined({ message: 'quantity or percentOfEquity is required with side' })
  @IsDecimalValue({ positive: true })
  @ExcludesFields('percentOfEquity', 'targetPosition')
  quantity?: string;

  @ApiPropertyOptional({ ...DECIMAL, example: '5', description: 'Size as this percent of the equity' })
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  @ExcludesFields('targetPosition')
  percentOfEquity?: string;

  @ApiPropertyOptional({
    ...DECIMAL,
    example: '0',
    description: 'The signed position to end up at, instead of side and size ({{strategy.position_size}})',
  })
  @IsOmittable()
  @IsDecimalValue()
  @ExcludesFields('side')
  targetPosition?: string;
}
