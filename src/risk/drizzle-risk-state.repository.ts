import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import type { DecimalString } from '#brokers';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { riskDays, riskKillSwitches } from '../persistence/schema/index.js';
import { KILL_SWITCH_OFF, type KillSwitchState } from './kill-switch-state.js';
import type { RiskDay } from './risk-day.js';
import { RiskStateRepository } from './risk-state.repository.js';

type DayRow = typeof riskDays.$inferSelect;

function toDay(row: DayRow): RiskDay {
  return {
    account: row.account,
    day: row.day,
    startEquity: row.startEquity,
    startedAt: row.startedAt.toISOString(),
    trippedAt: row.trippedAt?.toISOString() ?? null,
    trippedPnl: row.trippedPnl,
  };
}

@Injectable()
export class DrizzleRiskStateRepository extends RiskStateRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async killSwitch(account: string): Promise<KillSwitchState> {
    const [row] = await this.db
      .select()
      .from(riskKillSwitches)
      .where(eq(riskKillSwitches.account, account))
      .limit(1);
    if (!row) return KILL_SWITCH_OFF;
    return {
      enabled: row.enabled,
      reason: row.reason,
      changedBy: row.changedBy,
      changedByKeyId: row.changedByKeyId,
      changedAt: row.changedAt.toISOString(),
    };
  }

  async saveKillSwitch(account: string, state: KillSwitchState): Promise<void> {
    const values = {
      enabled: state.enabled,
      reason: state.reason,
      changedBy: state.changedBy,
      changedByKeyId: state.changedByKeyId,
      changedAt: state.changedAt ? new Date(state.changedAt) : new Date(),
    };
    await this.db
      .insert(riskKillSwitches)
      .values({ account, ...values })
      .onConflictDoUpdate({ target: riskKillSwitches.account, set: values });
  }

  async findDay(account: string, day: string): Promise<RiskDay | undefined> {
    const [row] = await this.db
      .select()
      .from(riskDays)
      .where(and(eq(riskDays.account, account), eq(riskDays.day, day)))
      .limit(1);
    return row ? toDay(row) : undefined;
  }

  async startDay(account: string, day: string, equity: DecimalString, at: Date): Promise<RiskDay> {
    // Another replica (or a concurrent request) may start the same day: the first row wins, and is read back.
    await this.db
      .insert(riskDays)
      .values({ account, day, startEquity: equity, startedAt: at })
      .onConflictDoNothing();
    return this.requireDay(account, day);
  }

  async tripDay(account: string, day: string, pnl: DecimalString, at: Date): Promise<RiskDay> {
    // Only the first trip is kept: the moment and the loss that crossed the limit.
    await this.db
      .update(riskDays)
      .set({ trippedAt: at, trippedPnl: pnl })
      .where(and(eq(riskDays.account, account), eq(riskDays.day, day), isNull(riskDays.trippedAt)));
    return this.requireDay(account, day);
  }

  private async requireDay(account: string, day: string): Promise<RiskDay> {
    const found = await this.findDay(account, day);
    if (!found) throw new Error(`risk day ${account} ${day} was written but cannot be read back`);
    return found;
  }
}
