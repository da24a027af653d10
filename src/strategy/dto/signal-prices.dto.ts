import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDecimalValue } from '#brokers';
import { IsOmittable } from '../../common/validation/is-omittable.js';

const DECIMAL = { type: String, format: 'decimal' } as const;

/** The prices a signal may carry, whoever sends it (a script, a TradingView alert). */
export class SignalPricesDto {
  @ApiPropertyOptional({ ...DECIMAL, example: '64000', description: 'Makes it a limit order' })
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  price?: string;

  @ApiPropertyOptional({ ...DECIMAL, example: '70000' })
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  takeProfit?: string;

  @ApiPropertyOptional({ ...DECIMAL, example: '60000' })
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  stopLoss?: string;
}
