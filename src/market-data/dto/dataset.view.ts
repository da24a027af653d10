import { ApiProperty } from '@nestjs/swagger';

/** An uploaded dataset. */
export class DatasetView {
  @ApiProperty({ example: '5f0c1d9e-7a51-4f7e-9c3b-2b8e6c0b1a42' })
  id!: string;

  @ApiProperty({ example: 'GOOG daily 2004-2013' })
  name!: string;

  @ApiProperty({ example: 'GOOG' })
  symbol!: string;

  @ApiProperty({ example: '1d' })
  timeframe!: string;

  @ApiProperty({ example: 2148, description: 'Number of bars' })
  bars!: number;

  @ApiProperty({ example: '2004-08-19T00:00:00.000Z', description: 'Open time of the first bar (UTC)' })
  firstTime!: string;

  @ApiProperty({ example: '2013-03-01T00:00:00.000Z', description: 'Open time of the last bar (UTC)' })
  lastTime!: string;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  createdAt!: string;
}

/** One page of datasets, newest first. */
export class DatasetPageView {
  @ApiProperty({ type: DatasetView, isArray: true })
  items!: DatasetView[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}
