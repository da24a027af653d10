import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsOmittable } from '../validation/is-omittable.js';

/** Names the account a request is about; in a query string or a body. */
export class AccountQuery {
  @ApiPropertyOptional({
    description: 'Account name; defaults to the only configured account',
    example: 'paper',
  })
  @IsOmittable()
  @IsString()
  account?: string;
}
