import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** What an uploaded file's bars are; the file itself is the body. */
export class UploadDatasetQuery {
  @ApiProperty({ example: 'GOOG' })
  @IsString()
  @Length(1, 32)
  symbol!: string;

  @ApiProperty({
    example: '1d',
    description: 'Bar length: <n>m, <n>h, <n>d or <n>w; every bar must open on its UTC grid',
  })
  @Matches(/^[1-9]\d{0,3}[mhdw]$/, { message: 'timeframe must look like 1m, 15m, 1h, 4h, 1d or 1w' })
  timeframe!: string;

  @ApiPropertyOptional({ example: 'GOOG daily 2004-2013', description: 'Default: "<symbol> <timeframe>"' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}
