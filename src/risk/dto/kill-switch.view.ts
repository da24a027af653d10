import { ApiProperty } from '@nestjs/swagger';

export class KillSwitchView {
  @ApiProperty({ description: 'On: every new order is refused, reducing ones included' })
  enabled!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'exchange incident' })
  reason!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ops-desk',
    description: 'Name of the API key that flipped it',
  })
  changedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Id of that API key' })
  changedByKeyId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-01-02T03:04:05.678Z' })
  changedAt!: string | null;
}
