import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsDecimalInteger } from '../validation/is-decimal-integer.js';

/** One page of a listing paged by cursor, newest first: the cursor handed out with the previous page. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000, description: 'Page size' })
  @IsOptional()
  @IsDecimalInteger(1, 1000)
  limit = 100;
}
