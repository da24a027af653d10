import { ApiProperty } from '@nestjs/swagger';

export class EquityPointView {
  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  at!: string;

  @ApiProperty({ example: '100250.5' })
  equity!: string;
}

export class DailyPnlView {
  @ApiProperty({ example: '2026-01-02', description: 'UTC day' })
  day!: string;

  @ApiProperty({ example: '100000', description: 'Equity at the start of the day (the previous close)' })
  openEquity!: string;

  @ApiProperty({ example: '100250.5', description: 'Equity at the last snapshot of the day' })
  closeEquity!: string;

  @ApiProperty({ example: '250.5' })
  pnl!: string;
}

export class DrawdownView {
  @ApiProperty({ example: '1250.2', description: 'Largest fall from a running peak, in account currency' })
  amount!: string;

  @ApiProperty({ example: '0.0123', description: 'That fall as a fraction of its peak' })
  fraction!: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-01-02T03:04:05.678Z' })
  peakAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-01-03T03:04:05.678Z' })
  troughAt!: string | null;
}

export class PerformanceView {
  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The strategy asked for (its own trading only); null for the whole account',
  })
  strategy!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'First point of the period; null when none' })
  from!: string | null;

  @ApiProperty({ type: String, nullable: true })
  to!: string | null;

  @ApiProperty({ example: '100000' })
  startEquity!: string;

  @ApiProperty({ example: '100250.5' })
  endEquity!: string;

  @ApiProperty({ example: '250.5', description: 'End equity minus start equity' })
  totalPnl!: string;

  @ApiProperty({ example: '200', description: 'Realized within the period' })
  realizedPnl!: string;

  @ApiProperty({ example: '50.5', description: 'Unrealized at the end of the period' })
  unrealizedPnl!: string;

  @ApiProperty({ example: '0.0025', description: 'End equity over start equity, minus 1' })
  return!: string;

  @ApiProperty({ type: DrawdownView })
  maxDrawdown!: DrawdownView;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Annualized, of daily returns; null below two days',
  })
  sharpe!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Annualized, of daily returns; null without a losing day',
  })
  sortino!: number | null;

  @ApiProperty({ type: [DailyPnlView] })
  dailyPnl!: DailyPnlView[];

  @ApiProperty({ type: [EquityPointView], description: 'At most 1000 points, the last of each bucket' })
  equityCurve!: EquityPointView[];
}
