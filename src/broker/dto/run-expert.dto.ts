import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AccountQuery } from '../../common/dto/account.query.js';

/** POST /mt5/run-ea: an expert the terminal has compiled, on a new chart. */
export class RunExpertDto extends AccountQuery {
  @ApiProperty({ example: 'EURUSD' })
  @IsString()
  @Length(1, 32)
  symbol!: string;

  @ApiProperty({ example: '1h', description: 'The chart timeframe: <n>m, <n>h, 1d or 1w, as MT5 has them' })
  @Matches(/^[1-9]\d{0,3}[mhdw]$/, { message: 'timeframe must look like 1m, 15m, 1h, 4h or 1d' })
  timeframe!: string;

  @ApiProperty({
    example: 'Examples\\MACD\\MACD Sample',
    description: "The expert's path under the terminal's MQL5\\Experts folder, without .ex5",
  })
  @Matches(/^[\w .\\/-]{1,120}$/, {
    message: 'expert must be a path under MQL5\\Experts: letters, digits, spaces, . _ - \\ or /',
  })
  expert!: string;

  @ApiPropertyOptional({
    example: { Lots: 0.1, TakeProfit: 50 },
    description: "The expert's inputs by name: strings, numbers or booleans",
  })
  @IsOptional()
  @IsObject()
  inputs?: Record<string, unknown>;
}

/** POST /mt5/stop-ea: the chart run-ea answered with. */
export class StopExpertDto extends AccountQuery {
  @ApiProperty({ example: '133100000000000001' })
  @Matches(/^\d{1,20}$/, { message: 'chartId must be the chart id run-ea answered with' })
  chartId!: string;
}
