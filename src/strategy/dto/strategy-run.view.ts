import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrderView } from '../../orders/dto/order.view.js';
import { RUN_STATUSES } from '../runs/strategy-run-record.js';

export class StrategyRunView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'sma-crossover' })
  strategy!: string;

  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ example: '1m' })
  timeframe!: string;

  @ApiProperty({ example: { fast: 10, slow: 30 }, description: 'The resolved parameters' })
  parameters!: Record<string, unknown>;

  @ApiProperty({ example: { kind: 'fixed', quantity: '0.01' } })
  sizing!: Record<string, unknown>;

  @ApiProperty({ enum: RUN_STATUSES })
  status!: string;

  @ApiPropertyOptional({ nullable: true, example: 'account paper is reconnecting' })
  statusReason!: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Open time of the last bar the strategy acted on' })
  lastBarTime!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiPropertyOptional({ nullable: true })
  stoppedAt!: string | null;
}

export class RunFillView {
  @ApiProperty() executionId!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ enum: ['buy', 'sell'] }) side!: string;
  @ApiProperty({ format: 'decimal' }) quantity!: string;
  @ApiProperty({ format: 'decimal' }) price!: string;
  @ApiProperty({ format: 'decimal' }) fee!: string;
  @ApiProperty() executedAt!: string;
}

export class RunResultsView {
  @ApiProperty({ format: 'decimal', description: "The run's own position, from its fills" })
  position!: string;

  @ApiProperty({ format: 'decimal', description: 'Sells minus buys minus fees' })
  netCash!: string;

  @ApiProperty({ format: 'decimal' })
  fees!: string;

  @ApiPropertyOptional({ format: 'decimal', nullable: true, description: 'The last price seen' })
  markPrice!: string | null;

  @ApiPropertyOptional({
    format: 'decimal',
    nullable: true,
    description: 'Net cash plus the position at the mark price',
  })
  pnl!: string | null;

  @ApiProperty()
  fills!: number;
}

export class RunSignalView {
  @ApiProperty({ description: 'The client order id of the order it made' })
  clientOrderId!: string;

  @ApiProperty({ description: 'Open time of the bar the strategy decided on' })
  barTime!: string;

  @ApiProperty({ description: 'Its index among the orders of that bar (-1: the flatten of a stop)' })
  signalIndex!: number;

  @ApiPropertyOptional({ nullable: true })
  tag!: string | null;
}

export class StrategyRunDetailView extends StrategyRunView {
  @ApiProperty({ type: [RunSignalView], description: 'Each order the strategy asked for, with its bar' })
  signals!: RunSignalView[];

  @ApiProperty({ type: [OrderView], description: 'Its orders, with the legs of its brackets, oldest first' })
  orders!: OrderView[];

  @ApiProperty({ type: [RunFillView] })
  fills!: RunFillView[];

  @ApiProperty({ type: RunResultsView })
  results!: RunResultsView;
}
