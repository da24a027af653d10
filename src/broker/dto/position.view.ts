import { ApiProperty } from '@nestjs/swagger';

export class PositionView {
  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ enum: ['long', 'short', 'flat'] })
  side!: string;

  @ApiProperty({ example: '0.01', description: 'Signed: negative is short' })
  quantity!: string;

  @ApiProperty({ example: '65010.1' })
  averagePrice!: string;

  @ApiProperty({ example: '65020.3' })
  markPrice!: string;

  @ApiProperty({ example: '0.102' })
  unrealizedPnl!: string;

  @ApiProperty({ example: '0' })
  realizedPnl!: string;

  @ApiProperty({ example: '65.02' })
  marginUsed!: string;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  updatedAt!: string;
}
