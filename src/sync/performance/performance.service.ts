import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  dailyEquity,
  dailyReturns,
  maxDrawdown,
  sharpeRatio,
  sortinoRatio,
  type EquityPoint,
} from '#backtest';
import { dec, toDecimalString } from '#brokers';
import { AccountRegistry } from '../../broker/account-registry.js';
import { ValidationFailedError } from '../../common/errors/app-error.js';
import type { Configuration } from '../../config/configuration.js';
import { TradeLogService } from '../../trades/trade-log.service.js';
import { EquitySnapshotRepository, type EquitySnapshot } from '../equity-snapshot.repository.js';
import { LiveStateService } from '../live/live-state.service.js';
import type { EquityPointView, PerformanceView } from './dto/performance.view.js';
import type { PerformanceQuery } from './dto/performance.query.js';
import { strategyEquityCurve } from './strategy-equity-curve.js';

const MAX_CURVE_POINTS = 1000;
/** Fills a strategy's performance is worked out from: its newest, when it has made more. */
const MAX_STRATEGY_FILLS = 100_000;
const RATIO_PLACES = 8;

/** The last point of each of at most `max` equal runs of points, and the first point. */
function downsample<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const bucket = Math.ceil(points.length / (max - 1));
  const kept = [points[0] as T];
  for (let end = bucket; end < points.length + bucket; end += bucket) {
    kept.push(points[Math.min(end, points.length) - 1] as T);
  }
  return kept;
}

const ratio = (numerator: string, denominator: string): string =>
  dec(denominator).eq(0) ? '0' : toDecimalString(dec(numerator).div(denominator).round(RATIO_PLACES));

/** Live performance of an account from its equity snapshots, with the live state as the latest point. */
@Injectable()
export class PerformanceService {
  private readonly periodsPerYear: number;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly snapshots: EquitySnapshotRepository,
    private readonly live: LiveStateService,
    private readonly trades: TradeLogService,
    config: ConfigService<Configuration, true>,
  ) {
    this.periodsPerYear = config.get('sync', { infer: true }).periodsPerYear;
  }

  async performance(query: PerformanceQuery): Promise<PerformanceView> {
    const account = this.registry.resolveAccount(query.account).config.name;
    const now = new Date();
    const from = query.from ? new Date(query.from) : new Date(0);
    const to = query.to ? new Date(query.to) : now;
    if (from > to) throw new ValidationFailedError('from must not be after to');
    const stored = await this.snapshots.range(account, from, to);
    const current = to >= now ? this.live.equitySnapshot(account) : undefined;
    const points = current ? [...stored, current] : stored;
    if (query.strategy === undefined) return this.summarize(account, null, points);
    const fills = await this.trades.oldestFirst(
      { account, strategy: query.strategy, from, to },
      MAX_STRATEGY_FILLS,
    );
    const marks = new Map(
      to >= now
        ? this.live.pricesView(account).map(({ ticker }) => [ticker.symbol, ticker.last] as const)
        : [],
    );
    const base = points[0]?.equity ?? '0';
    const end = to >= now ? now.toISOString() : to.toISOString();
    return this.summarize(account, query.strategy, strategyEquityCurve(account, base, fills, marks, end));
  }

  private summarize(
    account: string,
    strategy: string | null,
    snapshots: readonly EquitySnapshot[],
  ): PerformanceView {
    const first = snapshots[0];
    const last = snapshots[snapshots.length - 1];
    const currency = this.live.accountView(account).summary?.currency ?? '';
    const points: EquityPoint[] = snapshots.map((s) => ({
      time: Date.parse(s.at),
      equity: Number(s.equity),
    }));
    const byTime = new Map(snapshots.map((s) => [Date.parse(s.at), s]));
    const drawdown = maxDrawdown(points);
    const peak = drawdown.peakTime === null ? undefined : byTime.get(drawdown.peakTime);
    const trough = drawdown.troughTime === null ? undefined : byTime.get(drawdown.troughTime);
    const days = dailyEquity(points);
    const returns = dailyReturns(days);
    const dayRows = this.dailyRows(snapshots);
    const startEquity = first?.equity ?? '0';
    const endEquity = last?.equity ?? '0';
    return {
      account,
      currency,
      strategy,
      from: first?.at ?? null,
      to: last?.at ?? null,
      startEquity,
      endEquity,
      totalPnl: toDecimalString(dec(endEquity).minus(startEquity)),
      realizedPnl: toDecimalString(dec(last?.realizedPnl ?? '0').minus(first?.realizedPnl ?? '0')),
      unrealizedPnl: last?.unrealizedPnl ?? '0',
      return: dec(startEquity).eq(0)
        ? '0'
        : toDecimalString(dec(endEquity).div(startEquity).minus(1).round(RATIO_PLACES)),
      maxDrawdown: {
        amount: peak && trough ? toDecimalString(dec(peak.equity).minus(trough.equity)) : '0',
        fraction:
          peak && trough ? ratio(toDecimalString(dec(peak.equity).minus(trough.equity)), peak.equity) : '0',
        peakAt: peak?.at ?? null,
        troughAt: trough?.at ?? null,
      },
      sharpe: sharpeRatio(returns, this.periodsPerYear),
      sortino: sortinoRatio(returns, this.periodsPerYear),
      dailyPnl: dayRows,
      equityCurve: downsample(snapshots, MAX_CURVE_POINTS).map(({ at, equity }): EquityPointView => ({
        at,
        equity,
      })),
    };
  }

  /** Per UTC day, exact: the day's last equity minus the previous day's last (or the day's first). */
  private dailyRows(snapshots: readonly EquitySnapshot[]): PerformanceView['dailyPnl'] {
    const rows: PerformanceView['dailyPnl'] = [];
    let open: string | undefined;
    for (const snapshot of snapshots) {
      const day = snapshot.at.slice(0, 10);
      const row = rows[rows.length - 1];
      if (row && row.day === day) {
        row.closeEquity = snapshot.equity;
        row.pnl = toDecimalString(dec(snapshot.equity).minus(row.openEquity));
        continue;
      }
      open = row?.closeEquity ?? snapshot.equity;
      rows.push({
        day,
        openEquity: open,
        closeEquity: snapshot.equity,
        pnl: toDecimalString(dec(snapshot.equity).minus(open)),
      });
    }
    return rows;
  }
}
