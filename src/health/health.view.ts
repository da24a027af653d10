import { ApiProperty } from '@nestjs/swagger';

export class LivenessView {
  @ApiProperty({ example: 'ok' })
  status!: string;

  @ApiProperty({ example: 42.5 })
  uptimeSeconds!: number;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  time!: string;
}

export class AccountReadinessView {
  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: 'connected' })
  status!: string;

  @ApiProperty({ description: 'Connected, or not expected to be (autoConnect false)' })
  ready!: boolean;
}

export class ReadinessView {
  @ApiProperty({ example: 'ready' })
  status!: string;

  @ApiProperty({ type: AccountReadinessView, isArray: true })
  accounts!: AccountReadinessView[];
}
