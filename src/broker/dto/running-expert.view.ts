import { ApiProperty } from '@nestjs/swagger';

/** An expert run-ea started, known by the chart it runs on. */
export class RunningExpertView {
  @ApiProperty({ example: 'mt5' })
  account!: string;

  @ApiProperty({
    example: '133100000000000001',
    description: 'The chart the expert runs on; stop-ea closes it',
  })
  chartId!: string;

  @ApiProperty({ example: 'Examples\\MACD\\MACD Sample' })
  expert!: string;

  @ApiProperty({ example: 'EURUSD' })
  symbol!: string;

  @ApiProperty({ example: '1h' })
  timeframe!: string;
}

/** An expert stop-ea stopped, with its chart closed. */
export class StoppedExpertView {
  @ApiProperty({ example: 'mt5' })
  account!: string;

  @ApiProperty({ example: '133100000000000001' })
  chartId!: string;
}
