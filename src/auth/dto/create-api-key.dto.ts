import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope } from '../api-key-scope.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'trading-ui', description: 'A label for people; not secret' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['trade'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes!: ApiKeyScope[];
}
