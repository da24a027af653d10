import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { AccountQuery } from '../../common/dto/account.query.js';

/** POST /risk/kill-switch. */
export class KillSwitchDto extends AccountQuery {
  @ApiProperty({ description: 'true: refuse every new order on the account; false: accept orders again' })
  @IsBoolean()
  enabled!: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'With enabled: true, also cancel every order open at the broker',
  })
  @IsOmittable()
  @IsBoolean()
  cancelOpenOrders = false;

  @ApiPropertyOptional({ example: 'exchange incident', maxLength: 500 })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
