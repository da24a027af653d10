import { Injectable } from '@nestjs/common';
import { toDecimalString, type Position } from '#brokers';
import { AccountRegistry } from '../broker/account-registry.js';
import { ANY_SYMBOL } from '../config/risk-limits.schema.js';
import { DailyLossTracker } from './daily-loss.tracker.js';
import type { PositionUsageView, RiskStatusView } from './dto/risk-status.view.js';
import { InjectRiskClock, type RiskClock } from './risk-clock.js';
import { RiskStateRepository } from './risk-state.repository.js';
import { positionLimitFor } from './rules/max-position-quantity.rule.js';

function positionUsage(
  positions: readonly Position[],
  limits: Record<string, string> | undefined,
): PositionUsageView[] {
  const held = new Map(positions.map((position) => [position.symbol, toDecimalString(position.quantity)]));
  // Symbols with a limit of their own show even when flat, so the table reads as the whole policy.
  const listed = Object.keys(limits ?? {}).filter((symbol) => symbol !== ANY_SYMBOL);
  const symbols = [...new Set([...held.keys(), ...listed])].sort();
  return symbols.map((symbol) => ({
    symbol,
    quantity: held.get(symbol) ?? '0',
    limit: positionLimitFor(limits, symbol) ?? null,
  }));
}

/** GET /risk: an account's limits beside the broker's live figures and the persisted risk state. */
@Injectable()
export class RiskStatusService {
  constructor(
    private readonly registry: AccountRegistry,
    private readonly state: RiskStateRepository,
    private readonly daily: DailyLossTracker,
    @InjectRiskClock() private readonly clock: RiskClock,
  ) {}

  async status(account?: string): Promise<RiskStatusView> {
    const { config, adapter } = this.registry.resolveAccount(account);
    const limits = config.risk ?? {};
    const [killSwitch, positions, openOrders, summary] = await Promise.all([
      this.state.killSwitch(config.name),
      adapter.getPositions(),
      adapter.getOpenOrders(),
      adapter.getAccountSummary(),
    ]);
    // Showing today's PnL also records the day's baseline, and trips the limit if the loss is there.
    const standing = await this.daily.observe({
      account: config.name,
      equity: summary.equity,
      limit: limits.dailyLossLimit,
    });
    return {
      account: config.name,
      at: new Date(this.clock()).toISOString(),
      killSwitch,
      allowedSymbols: { limit: limits.allowedSymbols ? [...limits.allowedSymbols] : null },
      maxOrderQuantity: { limit: limits.maxOrderQuantity ?? null },
      maxOrderNotional: { limit: limits.maxOrderNotional ?? null },
      maxPositionQuantity: {
        limit: limits.maxPositionQuantity ? { ...limits.maxPositionQuantity } : null,
        positions: positionUsage(positions, limits.maxPositionQuantity),
      },
      maxOpenOrders: { limit: limits.maxOpenOrders ?? null, current: openOrders.length },
      dailyLossLimit: {
        limit: standing.limit,
        day: standing.day,
        startEquity: standing.startEquity,
        startedAt: standing.startedAt,
        equity: standing.equity,
        pnl: standing.pnl,
        tripped: standing.tripped,
        trippedAt: standing.trippedAt,
        trippedPnl: standing.trippedPnl,
      },
    };
  }
}
