import { ApiProperty } from '@nestjs/swagger';

export class AccountSummaryView {
  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({
    example: '100000',
    description: 'Cash: deposits plus realized PnL minus fees (decimal string)',
  })
  balance!: string;

  @ApiProperty({ example: '100012.5', description: 'Balance plus unrealized PnL' })
  equity!: string;

  @ApiProperty({ example: '650.1' })
  marginUsed!: string;

  @ApiProperty({ example: '99362.4' })
  marginFree!: string;

  @ApiProperty({ example: '12.5' })
  unrealizedPnl!: string;

  @ApiProperty({ example: '0' })
  realizedPnl!: string;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  updatedAt!: string;
}
