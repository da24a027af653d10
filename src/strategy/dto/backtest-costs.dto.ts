import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, Max, Min, ValidateIf } from 'class-validator';
import { IsDecimalValue } from '#brokers';

const NUMBER = { allowNaN: false, allowInfinity: false } as const;

/** Commission of every order: a fixed amount plus basis points of the filled notional. */
export class CommissionDto {
  @ApiPropertyOptional({
    type: String,
    format: 'decimal',
    example: '1',
    default: '0',
    description: 'Per order, in the account currency',
  })
  @IsDecimalValue()
  perOrder: string = '0';

  @ApiPropertyOptional({
    type: Number,
    example: 5,
    default: 0,
    description: 'Basis points of the notional (5 is 0.05 %)',
  })
  @IsNumber(NUMBER)
  @Min(0)
  @Max(10_000)
  bps = 0;
}

export const SLIPPAGE_KINDS = ['bps', 'ticks'] as const;

/** Slippage against the trader on market and stop fills. */
export class SlippageDto {
  @ApiProperty({ enum: SLIPPAGE_KINDS, description: 'bps of the price, or ticks of the instrument' })
  @IsIn(SLIPPAGE_KINDS)
  kind!: (typeof SLIPPAGE_KINDS)[number];

  @ApiProperty({ type: Number, example: 2 })
  @IsNumber(NUMBER)
  @Min(0)
  @Max(10_000)
  amount!: number;
}

export const SIZING_KINDS = ['fixed', 'percent_of_equity'] as const;

/** How much an order without its own quantity trades. */
export class SizingDto {
  @ApiProperty({ enum: SIZING_KINDS })
  @IsIn(SIZING_KINDS)
  kind!: (typeof SIZING_KINDS)[number];

  @ApiPropertyOptional({
    type: String,
    format: 'decimal',
    example: '10',
    description: 'fixed: the quantity of each order (required)',
  })
  @ValidateIf((sizing: SizingDto) => sizing.kind === 'fixed' || sizing.quantity !== undefined)
  @IsDecimalValue({ positive: true })
  quantity?: string;

  @ApiPropertyOptional({
    type: Number,
    example: 95,
    description: 'percent_of_equity: the percent of equity each order is worth',
  })
  @ValidateIf((sizing: SizingDto) => sizing.kind === 'percent_of_equity' || sizing.percent !== undefined)
  @IsNumber(NUMBER, { message: 'percent must be a number (required for percent_of_equity sizing)' })
  @Min(Number.MIN_VALUE, { message: 'percent must be positive' })
  @Max(1000)
  percent?: number;
}
