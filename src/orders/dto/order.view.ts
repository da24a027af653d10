import { ApiProperty } from '@nestjs/swagger';
import { ORDER_EVENT_SOURCES } from '../order-record.js';
import { ORDER_ROLES, ORDER_SIDES, ORDER_STATUSES, ORDER_TYPES, TIMES_IN_FORCE } from '#brokers';

export class OrderView {
  @ApiProperty({ example: '0b8f8f55-3c0e-4c55-9a55-2f3d7b3f9c11', description: 'Edgerunner order id' })
  id!: string;

  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: 'ui-7f3c2a' })
  clientOrderId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'P-17' })
  brokerOrderId!: string | null;

  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ enum: ORDER_SIDES })
  side!: string;

  @ApiProperty({ enum: ORDER_TYPES })
  type!: string;

  @ApiProperty({ enum: TIMES_IN_FORCE })
  timeInForce!: string;

  @ApiProperty({ example: '0.01' })
  quantity!: string;

  @ApiProperty({ example: '0.01' })
  filledQuantity!: string;

  @ApiProperty({ type: String, nullable: true, example: '65010.2' })
  averageFillPrice!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  price!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  stopPrice!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'trailing_stop only' })
  trailingAmount!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  takeProfit!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  stopLoss!: string | null;

  @ApiProperty({ enum: ORDER_STATUSES })
  status!: string;

  @ApiProperty({ enum: ORDER_ROLES, description: 'entry, or a bracket child: take_profit / stop_loss' })
  role!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For a bracket child, the id of its entry order',
  })
  parentId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'sma-crossover',
    description: 'The strategy that placed it',
  })
  strategy!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  rejectReason!: string | null;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-01-02T03:04:05.912Z' })
  updatedAt!: string;
}

export class OrderEventView {
  @ApiProperty()
  orderId!: string;

  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: 'ui-7f3c2a' })
  clientOrderId!: string;

  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ enum: ORDER_STATUSES })
  status!: string;

  @ApiProperty({ example: '0.01' })
  filledQuantity!: string;

  @ApiProperty({ enum: ORDER_EVENT_SOURCES, description: 'What moved the order' })
  source!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ example: '2026-01-02T03:04:05.912Z' })
  at!: string;
}

/** One order with its audit trail, oldest event first. */
export class OrderDetailView extends OrderView {
  @ApiProperty({ type: OrderEventView, isArray: true })
  events!: OrderEventView[];
}

export class OrderPageView {
  @ApiProperty({ type: OrderView, isArray: true })
  items!: OrderView[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}
