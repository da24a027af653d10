import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsDecimalInteger } from '../../common/validation/is-decimal-integer.js';

export class OrderStatusQuery {
  @ApiPropertyOptional({ example: 'paper', description: 'Only this account' })
  @IsOptional()
  @IsString()
  account?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @IsDecimalInteger(1, 1000)
  limit = 100;
}
