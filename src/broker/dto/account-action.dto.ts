import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class AccountActionDto {
  @ApiPropertyOptional({
    description: 'Account name; defaults to the only configured account',
    example: 'paper',
  })
  @IsOptional()
  @IsString()
  account?: string;
}
