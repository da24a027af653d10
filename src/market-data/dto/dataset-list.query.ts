import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsDecimalInteger } from '../../common/validation/is-decimal-integer.js';

/** A page of the dataset list. (CursorPageQuery would add an `account`, which datasets have none of.) */
export class DatasetListQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000, description: 'Page size' })
  @IsOptional()
  @IsDecimalInteger(1, 1000)
  limit = 100;
}
