import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** Names the account a request is about; in a query string or a body. */
export class AccountQuery {
  @ApiPropertyOptional({
    description: 'Account name; defaults to the only configured account',
    example: 'paper',
  })
  @IsOptional()
  @IsString()
  account?: string;
}
