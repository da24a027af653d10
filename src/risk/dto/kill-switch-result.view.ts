import { ApiProperty } from '@nestjs/swagger';
import { KillSwitchView } from './kill-switch.view.js';

export class CancelFailureView {
  @ApiProperty({ example: 'PO-paper-m3x1-7' })
  brokerOrderId!: string;

  @ApiProperty({ example: 'ui-7f3c2a' })
  clientOrderId!: string;

  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ example: 'broker timeout' })
  error!: string;
}

export class CancellationView {
  @ApiProperty({ example: 3, description: 'Open orders cancelled' })
  cancelled!: number;

  @ApiProperty({ example: 0, description: 'Orders that filled or closed with their bracket meanwhile' })
  alreadyClosed!: number;

  @ApiProperty({ type: CancelFailureView, isArray: true, description: 'Orders the broker would not cancel' })
  failed!: CancelFailureView[];
}

export class KillSwitchResultView {
  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ type: KillSwitchView })
  killSwitch!: KillSwitchView;

  @ApiProperty({
    type: CancellationView,
    nullable: true,
    description: 'Present when cancelOpenOrders was asked',
  })
  cancellation!: CancellationView | null;
}
