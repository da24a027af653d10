import { Injectable } from '@nestjs/common';
import type { BacktestDetailQuery } from '../dto/backtest-detail.query.js';
import type { BacktestDetailView, BacktestTradePageView, SweepRankingView } from '../dto/backtest.view.js';
import type { BacktestRecord } from './backtest-record.js';
import { toEquityView, toSummaryView, toTradeView } from './backtest-view.mapper.js';
import { BacktestRepository } from './backtest.repository.js';
import { decodePositionCursor, encodePositionCursor } from './position-cursor.js';
import { decodeResult, type StoredResult } from './result-codec.js';

/** GET /backtest/:id: the job, and once completed its curve, a page of trades and a sweep's ranking. */
@Injectable()
export class BacktestDetailReader {
  constructor(private readonly repository: BacktestRepository) {}

  async read(record: BacktestRecord, query: BacktestDetailQuery): Promise<BacktestDetailView> {
    const summary = toSummaryView(record);
    if (record.status !== 'completed') return summary;
    // Cursors are checked before the blob is read: a bad one is a 400 whatever the run.
    const tradesFrom = cursorPosition(query.tradesCursor, `trades:${record.id}`, 'tradesCursor');
    const rankFrom = cursorPosition(
      query.resultsCursor,
      `ranking:${record.id}:${query.rankBy}`,
      'resultsCursor',
    );
    const result = await this.result(record.id);
    return {
      ...summary,
      equity: result ? toEquityView(result, query.equityPoints) : [],
      trades: tradePage(record.id, result, tradesFrom, query.tradesLimit),
      ...(record.grid === null ? {} : { ranking: await this.ranking(record, query, rankFrom) }),
    };
  }

  /** The stored curves and trades of a completed job; undefined when it has none. */
  async result(id: string): Promise<StoredResult | undefined> {
    const stored = await this.repository.readResult(id);
    return stored === undefined ? undefined : decodeResult(stored);
  }

  private async ranking(
    record: BacktestRecord,
    query: BacktestDetailQuery,
    from: number,
  ): Promise<SweepRankingView> {
    const rows = await this.repository.rankedCombinations(record.id, query.rankBy, query.resultsLimit, from);
    const next = from + rows.length;
    return {
      rankBy: query.rankBy,
      items: rows.map((row, index) => ({
        rank: from + index + 1,
        parameters: { ...row.parameters },
        statistics: { ...row.statistics },
      })),
      nextCursor:
        rows.length === query.resultsLimit && next < record.combinations
          ? encodePositionCursor(`ranking:${record.id}:${query.rankBy}`, next)
          : null,
    };
  }
}

function cursorPosition(cursor: string | undefined, list: string, field: string): number {
  return cursor === undefined ? 0 : decodePositionCursor(cursor, list, field);
}

function tradePage(
  id: string,
  result: StoredResult | undefined,
  from: number,
  limit: number,
): BacktestTradePageView {
  const trades = result?.trades ?? [];
  const items = trades.slice(from, from + limit);
  const next = from + items.length;
  return {
    total: trades.length,
    items: items.map(toTradeView),
    nextCursor: next < trades.length && limit > 0 ? encodePositionCursor(`trades:${id}`, next) : null,
  };
}
