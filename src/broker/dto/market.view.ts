import { ApiProperty } from '@nestjs/swagger';

export class TickerView {
  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ example: '65010.1' })
  bid!: string;

  @ApiProperty({ example: '65010.2' })
  ask!: string;

  @ApiProperty({ example: '65010.15' })
  last!: string;

  @ApiProperty({ example: '2' })
  bidSize!: string;

  @ApiProperty({ example: '2' })
  askSize!: string;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  time!: string;
}

export class CandleView {
  @ApiProperty({ example: '2026-01-02T03:04:00.000Z' })
  openTime!: string;

  @ApiProperty({ example: '65000' })
  open!: string;

  @ApiProperty({ example: '65100.5' })
  high!: string;

  @ApiProperty({ example: '64990' })
  low!: string;

  @ApiProperty({ example: '65050' })
  close!: string;

  @ApiProperty({ example: '12.345' })
  volume!: string;
}

export class InstrumentView {
  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ example: 'crypto' })
  assetClass!: string;

  @ApiProperty({ example: 'USDT' })
  quoteCurrency!: string;

  @ApiProperty({ example: '0.1' })
  tickSize!: string;

  @ApiProperty({ example: '0.001' })
  lotSize!: string;

  @ApiProperty({ example: '0.001' })
  minQuantity!: string;
}
