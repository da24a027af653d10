import { ApiProperty } from '@nestjs/swagger';
import type { WebhookRecord } from '../webhook-record.js';

/** Where TradingView posts a webhook's alerts, below the server's public address. */
export const webhookPath = (id: string): string => `/webhooks/tradingview/${id}`;

/** A webhook as listed: never the secret, never its hash. */
export class WebhookView {
  @ApiProperty({ example: 'wh_3f9a1c0b2d4e5f60' })
  id!: string;

  @ApiProperty({ example: 'btc-4h-crossover' })
  name!: string;

  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: 'sma-crossover' })
  strategy!: string;

  @ApiProperty({ type: String, isArray: true, example: ['BTCUSDT'] })
  symbols!: string[];

  @ApiProperty({ type: 'integer', example: 300 })
  replayWindowSeconds!: number;

  @ApiProperty({ example: 'x9Qz', description: "The secret's last 4 characters, to tell webhooks apart" })
  secretHint!: string;

  @ApiProperty({
    example: '/webhooks/tradingview/wh_3f9a1c0b2d4e5f60',
    description: 'Where TradingView posts',
  })
  path!: string;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Set: every alert is refused' })
  revokedAt!: string | null;

  static from(record: WebhookRecord): WebhookView {
    const { id, name, account, strategy, symbols, replayWindowSeconds, secretHint, createdAt, revokedAt } =
      record;
    return Object.assign(new WebhookView(), {
      id,
      name,
      account,
      strategy,
      symbols: [...symbols],
      replayWindowSeconds,
      secretHint,
      path: webhookPath(id),
      createdAt,
      revokedAt,
    });
  }
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ example: 'whs_…', description: 'The secret itself. Shown once: store it now.' })
  secret!: string;

  @ApiProperty({
    example:
      '{"secret":"whs_…","alertId":"{{timenow}}-{{strategy.order.id}}","time":"{{timenow}}",' +
      '"symbol":"{{ticker}}","side":"{{strategy.order.action}}","quantity":"{{strategy.order.contracts}}"}',
    description:
      'The alert message to paste into TradingView, secret included; TradingView fills in the {{…}} placeholders',
  })
  messageTemplate!: string;
}
