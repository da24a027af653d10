import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, Matches, ValidateIf } from 'class-validator';
import { IsDecimalValue, ORDER_SIDES, type OrderSide } from '#brokers';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { SignalPricesDto } from './signal-prices.dto.js';

const DECIMAL = { type: String, format: 'decimal' } as const;

/**
 * POST /strategies/:name/trigger: a signal from a script of the trader's own. Either a side with a size
 * (a quantity, or a percent of the account's equity), or the position to end up at; a limit price makes
 * it a limit order, take-profit and stop-loss a bracket. `signalId` makes it idempotent.
 */
export class TriggerSignalDto extends SignalPricesDto {
  @ApiPropertyOptional({
    example: 'paper',
    description: 'Account name; defaults to the only configured account',
  })
  @IsOmittable()
  @IsString()
  account?: string;

  @ApiProperty({ example: 'BTCUSDT' })
  @Matches(/^[A-Za-z0-9._:/-]{1,32}$/, { message: 'symbol must be 1-32 letters, digits, . _ : / or -' })
  symbol!: string;

  @ApiProperty({
    example: 'sig-2026-12-02T14:05:00Z-1',
    description: 'Your id for this signal: a repeat with the same id never places a second order',
  })
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'signalId must be 1-64 letters, digits, . _ : or -' })
  signalId!: string;

  @ApiPropertyOptional({
    enum: ORDER_SIDES,
    description: 'With quantity or percentOfEquity; not with targetPosition',
  })
  @ValidateIf((signal: TriggerSignalDto) => signal.targetPosition === undefined || signal.side !== undefined)
  @IsIn(ORDER_SIDES, { message: `side must be one of ${ORDER_SIDES.join(', ')} (or give targetPosition)` })
  side?: OrderSide;

  @ApiPropertyOptional({ ...DECIMAL, example: '0.01' })
  @ValidateIf(
    (signal: TriggerSignalDto) =>
      (signal.side !== undefined && signal.percentOfEquity === undefined) || signal.quantity !== undefined,
  )
  @IsDefined({ message: 'quantity or percentOfEquity is required with side' })
  @IsDecimalValue({ positive: true })
  quantity?: string;

  @ApiPropertyOptional({
    ...DECIMAL,
    example: '5',
    description: 'Size as this percent of the equity, at the order’s price',
  })
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  percentOfEquity?: string;

  @ApiPropertyOptional({
    ...DECIMAL,
    example: '-0.02',
    description: 'The signed position to end up at (negative: short); the order is the difference',
  })
  @IsOmittable()
  @IsDecimalValue()
  targetPosition?: string;
}
