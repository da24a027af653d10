import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
import { IsOmittable } from '../../../common/validation/is-omittable.js';
import { STREAM_CHANNELS, type StreamChannel } from '../stream-channel.js';

/** What a `subscribe`, `unsubscribe` or `resync` message asks for; each list left out means "all". */
export class SubscriptionDto {
  @ApiPropertyOptional({ type: [String], example: ['paper'], description: 'Default: every account' })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  accounts?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['BTCUSDT'],
    description: 'Symbols of the `prices` channel. Default: every instrument of the account',
  })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @Matches(/^[A-Za-z0-9._/-]{1,32}$/, {
    each: true,
    message: 'each symbol must be 1-32 letters, digits or ._/-',
  })
  symbols?: string[];

  @ApiPropertyOptional({
    enum: STREAM_CHANNELS,
    isArray: true,
    description: 'Default: every channel. `backtests` is server-wide: `accounts` does not narrow it',
  })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(STREAM_CHANNELS, { each: true })
  channels?: StreamChannel[];
}
