import { ApiProperty } from '@nestjs/swagger';
import { ORDER_SIDES } from '#brokers';

/** One fill of the trade log. */
export class FillView {
  @ApiProperty({ example: '1042', description: 'Trade log id (a 64-bit integer, as a string)' })
  id!: string;

  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: 'P-paper-m1x2-17', description: "The broker's execution id, unique per account" })
  executionId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0b8f8f55-3c0e-4c55-9a55-2f3d7b3f9c11',
    description: 'The Edgerunner order it filled; null for an order placed outside Edgerunner',
  })
  orderId!: string | null;

  @ApiProperty({ example: 'PO-paper-m1x2-9' })
  brokerOrderId!: string;

  @ApiProperty({ example: 'ui-7f3c2a' })
  clientOrderId!: string;

  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ enum: ORDER_SIDES })
  side!: string;

  @ApiProperty({ example: '0.01' })
  quantity!: string;

  @ApiProperty({ example: '65010.2' })
  price!: string;

  @ApiProperty({ example: '0.390061', description: 'In feeCurrency' })
  fee!: string;

  @ApiProperty({ example: 'USDT' })
  feeCurrency!: string;

  @ApiProperty({ enum: ['maker', 'taker'] })
  liquidity!: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'The strategy that placed it' })
  strategy!: string | null;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  executedAt!: string;
}

/** One page of the trade log, newest first. */
export class FillPageView {
  @ApiProperty({ type: FillView, isArray: true })
  items!: FillView[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}
