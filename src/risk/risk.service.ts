import { Injectable } from '@nestjs/common';
import type { Instrument, OrderRequest } from '#brokers';
import { AccountRegistry } from '../broker/account-registry.js';
import { DailyLossTracker } from './daily-loss.tracker.js';
import { InjectRiskClock, type RiskClock } from './risk-clock.js';
import { RiskRefusedError } from './risk-refused.error.js';
import { RiskStateRepository } from './risk-state.repository.js';
import { evaluateRiskRules } from './rules/evaluate-risk-rules.js';
import { positionQuantity } from './rules/position-quantity.js';
import { needsQuote, referencePrice } from './rules/reference-price.js';
import { utcDay } from './utc-day.js';

/** Pre-trade risk checks of each account, against its configured limits and the broker's live state. */
@Injectable()
export class RiskService {
  constructor(
    private readonly registry: AccountRegistry,
    private readonly state: RiskStateRepository,
    private readonly daily: DailyLossTracker,
    @InjectRiskClock() private readonly clock: RiskClock,
  ) {}

  /**
   * Passes, or throws {@link RiskRefusedError} naming the first rule the order breaks: kill switch,
   * allowed symbols, max order quantity and notional, max position, max open orders, daily loss limit.
   * Reads only what the account's limits need, all at once (kill switch, positions, open orders, the
   * quote for a market order's notional, equity); a broker read that fails fails the check.
   *
   * @param account the account's name
   * @param request the order as it will be sent: already rounded to the instrument
   */
  async check(account: string, request: OrderRequest, instrument: Instrument): Promise<void> {
    const { config, adapter } = this.registry.resolveAccount(account);
    const limits = config.risk ?? {};
    const loss = limits.dailyLossLimit;
    const day = utcDay(this.clock());
    const [killSwitch, today, positions, openOrders, ticker, summary] = await Promise.all([
      this.state.killSwitch(config.name),
      loss === undefined ? null : this.state.findDay(config.name, day),
      limits.maxPositionQuantity || loss !== undefined ? adapter.getPositions() : [],
      limits.maxOpenOrders === undefined ? [] : adapter.getOpenOrders(),
      limits.maxOrderNotional !== undefined && needsQuote(request)
        ? adapter.getTicker(instrument.symbol)
        : undefined,
      loss === undefined ? undefined : adapter.getAccountSummary(),
    ]);
    const standing = summary
      ? await this.daily.observe({
          account: config.name,
          equity: summary.equity,
          limit: loss,
          day,
          known: today ?? null,
        })
      : null;
    const violation = evaluateRiskRules({
      limits,
      request,
      killSwitch,
      position: positionQuantity(positions, instrument.symbol),
      openOrders: openOrders.length,
      referencePrice: limits.maxOrderNotional === undefined ? undefined : referencePrice(request, ticker),
      daily:
        standing && loss !== undefined
          ? {
              limit: loss,
              day,
              pnl: standing.pnl,
              tripped: standing.tripped,
              trippedPnl: standing.trippedPnl,
            }
          : null,
    });
    if (violation) throw new RiskRefusedError(violation);
  }
}
