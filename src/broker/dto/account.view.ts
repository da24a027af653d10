import { ApiProperty } from '@nestjs/swagger';
import { CONNECTION_STATUSES, ORDER_TYPES, TIMES_IN_FORCE } from '#brokers';

export class CapabilitiesView {
  @ApiProperty({ enum: ORDER_TYPES, isArray: true })
  orderTypes!: string[];

  @ApiProperty({ enum: TIMES_IN_FORCE, isArray: true })
  timeInForce!: string[];

  @ApiProperty()
  bracketOrders!: boolean;

  @ApiProperty()
  shortSelling!: boolean;

  @ApiProperty({ example: ['1m', '5m', '1h', '1d'] })
  timeframes!: string[];
}

export class AccountView {
  @ApiProperty({ example: 'paper' })
  name!: string;

  @ApiProperty({ example: 'paper' })
  broker!: string;

  @ApiProperty({ enum: CONNECTION_STATUSES })
  status!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why the account is not connected: the last connect failure (the broker refusing the credentials, ' +
      'or unreachable and retried); null when connected or never tried',
    example:
      'authentication refused by bybit (10004): Bybit refused the request signature: check the API secret',
  })
  downReason!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Set while reconciliation with the broker fails: the account takes no new orders',
  })
  degradedReason!: string | null;

  @ApiProperty()
  autoConnect!: boolean;

  @ApiProperty({
    enum: ['config', 'api'],
    description: 'Where the account is defined: the config file (read-only here) or the API (PATCH, DELETE)',
  })
  origin!: 'config' | 'api';

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The broker's options as in effect; every secret (API key and secret, bridge token) shown only as " +
      '`****` and its last four characters',
    example: { apiKey: '****Qz9x', apiSecret: '****a1B2', testnet: true, category: 'linear' },
  })
  options!: Record<string, unknown>;

  @ApiProperty({ type: CapabilitiesView })
  capabilities!: CapabilitiesView;
}
