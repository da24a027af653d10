import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AccountQuery } from '../../../common/dto/account.query.js';
import { IsZonedTime } from '../../../common/validation/is-zoned-time.js';

export class PerformanceQuery extends AccountQuery {
  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00.000Z',
    description: 'Start of the period (UTC ISO 8601); default: the first snapshot',
  })
  @IsOptional()
  @IsZonedTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-02-01T00:00:00.000Z',
    description: 'End of the period (UTC ISO 8601); default: now',
  })
  @IsOptional()
  @IsZonedTime()
  to?: string;

  @ApiPropertyOptional({
    example: 'sma-crossover',
    description:
      "Only this strategy's trading: the account's starting equity plus what the strategy's fills made, as if the account had traded nothing else",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'strategy must be 1-64 letters, digits, . _ : or -' })
  strategy?: string;
}
