import { Injectable } from '@nestjs/common';
import { BacktestRepository } from '../backtest/backtest.repository.js';
import type { BenchmarkQuery } from '../dto/benchmark.query.js';
import type { BenchmarkView } from '../dto/benchmark.view.js';

/**
 * Strategies ranked by their stored completed backtests: each by its best combination (a single run or one
 * point of a sweep) on the statistic asked, among runs matching the symbol and timeframe.
 */
@Injectable()
export class StrategyBenchmarkService {
  constructor(private readonly repository: BacktestRepository) {}

  async rank(query: BenchmarkQuery): Promise<BenchmarkView> {
    const rows = await this.repository.bestPerStrategy({
      by: query.by,
      symbol: query.symbol,
      timeframe: query.timeframe,
      limit: query.limit,
    });
    return {
      by: query.by,
      items: rows.map((row, index) => ({
        rank: index + 1,
        strategy: row.strategy,
        value: row.statistics[query.by] ?? 0,
        backtestId: row.backtestId,
        parameters: { ...row.parameters },
        symbol: row.symbol,
        timeframe: row.timeframe,
        statistics: { ...row.statistics },
        finishedAt: row.finishedAt,
      })),
    };
  }
}
