import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { AccountQuery } from '../../common/dto/account.query.js';

export class TickerQuery extends AccountQuery {
  @ApiProperty({ example: 'BTCUSDT' })
  @IsString()
  @Length(1, 32)
  symbol!: string;
}
