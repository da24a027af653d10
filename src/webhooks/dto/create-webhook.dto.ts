import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';

export const MIN_REPLAY_WINDOW_SECONDS = 5;
export const MAX_REPLAY_WINDOW_SECONDS = 3600;

/** POST /webhooks: a TradingView webhook firing signals at one strategy on one account. */
export class CreateWebhookDto {
  @ApiProperty({ example: 'btc-4h-crossover', description: 'A label for people; not secret' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiPropertyOptional({
    example: 'paper',
    description: 'The account its alerts trade on; defaults to the only configured account',
  })
  @IsOmittable()
  @IsString()
  account?: string;

  @ApiProperty({ example: 'sma-crossover', description: 'The strategy its orders carry (GET /strategies)' })
  @IsString()
  @Length(1, 64)
  strategy!: string;

  @ApiProperty({
    type: String,
    isArray: true,
    example: ['BTCUSDT'],
    description: "The only symbols its alerts may trade, as the account's broker spells them",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[A-Za-z0-9._:/-]{1,32}$/, {
    each: true,
    message: 'each symbol must be 1-32 letters, digits, . _ : / or -',
  })
  symbols!: string[];

  @ApiPropertyOptional({
    type: 'integer',
    default: 300,
    minimum: MIN_REPLAY_WINDOW_SECONDS,
    maximum: MAX_REPLAY_WINDOW_SECONDS,
    description: "How far an alert's time may lie from the server's clock; older alerts are refused",
  })
  @IsOmittable()
  @IsInt()
  @Min(MIN_REPLAY_WINDOW_SECONDS)
  @Max(MAX_REPLAY_WINDOW_SECONDS)
  replayWindowSeconds = 300;
}
