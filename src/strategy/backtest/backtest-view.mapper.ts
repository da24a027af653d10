import type { ClosedTrade } from '#backtest/engine/closed-trade.js';
import type { BacktestSummaryView, BacktestTradeView, EquityCurvePointView } from '../dto/backtest.view.js';
import type { BacktestRecord } from './backtest-record.js';
import { floatString } from './float-string.js';
import type { StoredResult } from './result-codec.js';

export function toSummaryView(record: BacktestRecord): BacktestSummaryView {
  return {
    id: record.id,
    strategy: record.strategy,
    kind: record.grid === null ? 'single' : 'sweep',
    status: record.status,
    progressPercent: Math.round(record.progress * 1000) / 10,
    error: record.error,
    parameters: record.parameters,
    grid: record.grid as Record<string, unknown[]> | null,
    combinations: record.combinations,
    source: { ...record.source },
    symbol: record.symbol,
    timeframe: record.timeframe,
    bars: record.bars,
    settings: { ...record.settings },
    statistics: record.statistics === null ? null : { ...record.statistics },
    createdAt: record.createdAt,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
  };
}

export function toTradeView(trade: ClosedTrade): BacktestTradeView {
  return {
    symbol: trade.symbol,
    direction: trade.direction,
    quantity: floatString(trade.quantity),
    entryTime: new Date(trade.entryTime).toISOString(),
    entryPrice: floatString(trade.entryPrice),
    exitTime: new Date(trade.exitTime).toISOString(),
    exitPrice: floatString(trade.exitPrice),
    grossPnl: floatString(trade.grossPnl),
    fees: floatString(trade.fees),
    pnl: floatString(trade.pnl),
    returnFraction: trade.returnFraction,
    bars: trade.bars,
    mae: floatString(trade.mae),
    mfe: floatString(trade.mfe),
    open: trade.open,
  };
}

/**
 * At most `points` points of the curve: the last bar of each of `points` even buckets, so the first and
 * the final equity are always there and the curve's shape survives a million bars.
 */
export function toEquityView(result: StoredResult, points: number): EquityCurvePointView[] {
  const bars = result.time.length;
  const indices: number[] = [];
  if (bars <= points) for (let index = 0; index < bars; index += 1) indices.push(index);
  else {
    indices.push(0);
    for (let bucket = 1; bucket < points; bucket += 1)
      indices.push(Math.floor((bucket * (bars - 1)) / (points - 1)));
  }
  return indices.map((index) => ({
    time: new Date(result.time[index] ?? 0).toISOString(),
    equity: floatString(result.equity[index] ?? 0),
    drawdown: result.drawdown[index] ?? 0,
  }));
}
