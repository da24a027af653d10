import { ApiProperty } from '@nestjs/swagger';
import { KillSwitchView } from './kill-switch.view.js';

const DECIMAL_OR_NULL = { type: String, nullable: true, format: 'decimal' } as const;

export class SymbolsRuleView {
  @ApiProperty({
    type: String,
    isArray: true,
    nullable: true,
    example: ['BTCUSDT', 'ETHUSDT'],
    description: 'null: every symbol',
  })
  limit!: string[] | null;
}

export class OrderLimitRuleView {
  @ApiProperty({ ...DECIMAL_OR_NULL, example: '1', description: 'Per order; null: not checked' })
  limit!: string | null;
}

export class PositionUsageView {
  @ApiProperty({ example: 'BTCUSDT' })
  symbol!: string;

  @ApiProperty({ example: '0.5', description: 'Signed: negative is short' })
  quantity!: string;

  @ApiProperty({ ...DECIMAL_OR_NULL, example: '1', description: 'Largest absolute position; null: none' })
  limit!: string | null;
}

export class PositionRuleView {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    example: { BTCUSDT: '1', '*': '10' },
  })
  limit!: Record<string, string> | null;

  @ApiProperty({ type: PositionUsageView, isArray: true, description: 'Held positions and limited symbols' })
  positions!: PositionUsageView[];
}

export class OpenOrdersRuleView {
  @ApiProperty({ type: Number, nullable: true, example: 20 })
  limit!: number | null;

  @ApiProperty({ example: 3 })
  current!: number;
}

export class DailyLossRuleView {
  @ApiProperty({ ...DECIMAL_OR_NULL, example: '1000' })
  limit!: string | null;

  @ApiProperty({ example: '2026-01-02', description: 'The UTC day' })
  day!: string;

  @ApiProperty({ example: '100000', description: 'Equity first seen this UTC day' })
  startEquity!: string;

  @ApiProperty({ example: '2026-01-02T00:00:00.012Z' })
  startedAt!: string;

  @ApiProperty({ example: '99120.5' })
  equity!: string;

  @ApiProperty({ example: '-879.5', description: 'equity − startEquity: realized and unrealized' })
  pnl!: string;

  @ApiProperty({ description: 'Only reducing orders until 00:00 UTC, even if PnL recovers' })
  tripped!: boolean;

  @ApiProperty({ type: String, nullable: true })
  trippedAt!: string | null;

  @ApiProperty({ ...DECIMAL_OR_NULL, description: 'Today’s PnL when it tripped' })
  trippedPnl!: string | null;
}

/** GET /risk: an account's limits and how much of each is used. */
export class RiskStatusView {
  @ApiProperty({ example: 'paper' })
  account!: string;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  at!: string;

  @ApiProperty({ type: KillSwitchView })
  killSwitch!: KillSwitchView;

  @ApiProperty({ type: SymbolsRuleView })
  allowedSymbols!: SymbolsRuleView;

  @ApiProperty({ type: OrderLimitRuleView })
  maxOrderQuantity!: OrderLimitRuleView;

  @ApiProperty({ type: OrderLimitRuleView, description: 'quantity × reference price, in the quote currency' })
  maxOrderNotional!: OrderLimitRuleView;

  @ApiProperty({ type: PositionRuleView })
  maxPositionQuantity!: PositionRuleView;

  @ApiProperty({ type: OpenOrdersRuleView })
  maxOpenOrders!: OpenOrdersRuleView;

  @ApiProperty({ type: DailyLossRuleView })
  dailyLossLimit!: DailyLossRuleView;
}
