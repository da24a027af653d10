import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import {
  IsDecimalValue,
  needsLimitPrice,
  needsStopPrice,
  needsTrailingAmount,
  ORDER_SIDES,
  ORDER_TYPES,
  TIMES_IN_FORCE,
  type OrderSide,
  type OrderType,
  type TimeInForce,
} from '#brokers';

const DECIMAL_EXAMPLE = { type: String, format: 'decimal' } as const;

/** POST /trade. Decimals may be sent as strings (preferred) or numbers. */
export class PlaceOrderDto {
  @ApiPropertyOptional({
    example: 'paper',
    description: 'Account name; defaults to the only configured account',
  })
  @IsOmittable()
  @IsString()
  account?: string;

  @ApiProperty({ example: 'BTCUSDT' })
  @IsString()
  @Length(1, 32)
  symbol!: string;

  @ApiProperty({ enum: ORDER_SIDES })
  @IsIn(ORDER_SIDES, { message: `side must be one of ${ORDER_SIDES.join(', ')}` })
  side!: OrderSide;

  @ApiProperty({ enum: ORDER_TYPES })
  @IsIn(ORDER_TYPES, { message: `type must be one of ${ORDER_TYPES.join(', ')}` })
  type!: OrderType;

  @ApiProperty({ ...DECIMAL_EXAMPLE, example: '0.01', description: 'Rounded down to the lot size' })
  @IsDecimalValue({ positive: true })
  quantity!: string;

  @ApiPropertyOptional({
    ...DECIMAL_EXAMPLE,
    example: '64000',
    description: 'Limit price: limit and stop_limit only',
  })
  @ValidateIf((order: PlaceOrderDto) => needsLimitPrice(order.type) || order.price !== undefined)
  @IsDefined({ message: 'price is required for limit and stop_limit orders' })
  @IsDecimalValue({ positive: true })
  price?: string;

  @ApiPropertyOptional({
    ...DECIMAL_EXAMPLE,
    example: '66000',
    description: 'Trigger price: stop and stop_limit only',
  })
  @ValidateIf((order: PlaceOrderDto) => needsStopPrice(order.type) || order.stopPrice !== undefined)
  @IsDefined({ message: 'stopPrice is required for stop and stop_limit orders' })
  @IsDecimalValue({ positive: true })
  stopPrice?: string;

  @ApiPropertyOptional({
    ...DECIMAL_EXAMPLE,
    example: '2.5',
    description: 'trailing_stop only: how far behind the best price the stop follows, in price units',
  })
  @ValidateIf((order: PlaceOrderDto) => needsTrailingAmount(order.type) || order.trailingAmount !== undefined)
  @IsDefined({ message: 'trailingAmount is required for trailing_stop orders' })
  @IsDecimalValue({ positive: true })
  trailingAmount?: string;

  @ApiPropertyOptional({ enum: TIMES_IN_FORCE, default: 'gtc' })
  @IsIn(TIMES_IN_FORCE, { message: `timeInForce must be one of ${TIMES_IN_FORCE.join(', ')}` })
  timeInForce: TimeInForce = 'gtc';

  @ApiPropertyOptional({
    example: 'ui-7f3c2a',
    description:
      'Your id for this order, unique per account: a retry with the same id never places a second order',
  })
  @IsOmittable()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'clientOrderId must be 1-64 letters, digits, . _ : or -' })
  clientOrderId?: string;

  @ApiPropertyOptional({
    example: 'sma-crossover',
    description:
      'The strategy (or script) this order comes from: stored on the order and on its fills, so ' +
      'GET /trades?strategy= and GET /orders show what each strategy did. Part of what makes a retry the same order',
  })
  @IsOmittable()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'strategy must be 1-64 letters, digits, . _ : or -' })
  strategy?: string;

  @ApiPropertyOptional({
    ...DECIMAL_EXAMPLE,
    example: '70000',
    description: 'Bracket: take-profit limit price',
  })
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  takeProfit?: string;

  @ApiPropertyOptional({
    ...DECIMAL_EXAMPLE,
    example: '60000',
    description: 'Bracket: stop-loss trigger price',
  })
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  stopLoss?: string;
}
