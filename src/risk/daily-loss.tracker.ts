import { Injectable } from '@nestjs/common';
import { toDecimalString, type DecimalString } from '#brokers';
import { InjectRiskClock, type RiskClock } from './risk-clock.js';
import type { RiskDay } from './risk-day.js';
import { RiskStateRepository } from './risk-state.repository.js';
import { dailyPnl, lossLimitReached } from './rules/daily-loss.rule.js';
import { utcDay } from './utc-day.js';

/** An account's UTC day so far: its baseline, today's PnL and whether the daily loss limit tripped. */
export interface DailyStanding {
  readonly day: string;
  readonly startEquity: DecimalString;
  readonly startedAt: string;
  readonly equity: DecimalString;
  readonly pnl: DecimalString;
  readonly limit: DecimalString | null;
  readonly tripped: boolean;
  readonly trippedAt: string | null;
  readonly trippedPnl: DecimalString | null;
}

export interface EquityObservation {
  readonly account: string;
  readonly equity: DecimalString;
  readonly limit: DecimalString | undefined;
  /** The day it is about; today by the clock when left out. */
  readonly day?: string;
  /** The day's row if the caller has read it already (saves a query); `undefined` reads it. */
  readonly known?: RiskDay | null;
}

/**
 * Keeps each account's daily baseline and trip, persisted so that a restart mid-day changes neither.
 * The first equity seen in a UTC day is its start; the first time today's PnL is at or below −limit,
 * the day trips and stays tripped until UTC midnight, however PnL moves afterwards.
 */
@Injectable()
export class DailyLossTracker {
  constructor(
    private readonly state: RiskStateRepository,
    @InjectRiskClock() private readonly clock: RiskClock,
  ) {}

  /** Records what `equity` means for today (baseline, trip) and returns the standing. */
  async observe(observation: EquityObservation): Promise<DailyStanding> {
    const { account, equity, limit } = observation;
    const now = new Date(this.clock());
    const day = observation.day ?? utcDay(now.getTime());
    let today =
      (observation.known === undefined ? await this.state.findDay(account, day) : observation.known) ??
      (await this.state.startDay(account, day, equity, now));
    const pnl = dailyPnl(today.startEquity, equity);
    if (limit !== undefined && today.trippedAt === null && lossLimitReached(pnl, limit)) {
      today = await this.state.tripDay(account, day, toDecimalString(pnl), now);
    }
    return {
      day,
      startEquity: today.startEquity,
      startedAt: today.startedAt,
      equity: toDecimalString(equity),
      pnl: toDecimalString(pnl),
      limit: limit ?? null,
      tripped: today.trippedAt !== null,
      trippedAt: today.trippedAt,
      trippedPnl: today.trippedPnl,
    };
  }
}
