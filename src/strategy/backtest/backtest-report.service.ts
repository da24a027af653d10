import { Injectable, StreamableFile } from '@nestjs/common';
import { ConflictError } from '../../common/errors/app-error.js';
import { BacktestDataSource } from '../source/backtest-data-source.js';
import { renderBacktestReport } from '../report/render-backtest-report.js';
import { BacktestDetailReader } from './backtest-detail.reader.js';
import { BacktestService } from './backtest.service.js';

/**
 * GET /backtest/:id/report: the report page of a completed run. The candles are read again from the run's
 * source rather than stored with the result: they are in the candle cache (or the dataset) already, and a
 * sweep's thousands of runs would otherwise each keep a copy.
 */
@Injectable()
export class BacktestReportService {
  constructor(
    private readonly backtests: BacktestService,
    private readonly details: BacktestDetailReader,
    private readonly source: BacktestDataSource,
  ) {}

  async render(id: string): Promise<StreamableFile> {
    const record = await this.backtests.get(id);
    if (record.status !== 'completed' || record.statistics === null)
      throw new ConflictError(`Backtest ${id} is ${record.status}: a report needs a completed run`, {
        status: record.status,
      });
    const [result, feed] = await Promise.all([this.details.result(id), this.source.load(record.source)]);
    const main = feed.series[0];
    const time = result?.time ?? new Float64Array();
    const html = renderBacktestReport({
      id: record.id,
      strategy: record.strategy,
      parameters: record.parameters ?? {},
      symbol: record.symbol,
      timeframe: record.timeframe ?? '',
      from: isoOf(record.source.from, time[0]),
      to: isoOf(record.source.to, time[time.length - 1]),
      createdAt: record.createdAt,
      statistics: record.statistics,
      equity: { time, equity: result?.equity ?? new Float64Array() },
      drawdown: result?.drawdown ?? new Float64Array(),
      candles: main ?? { time: [], open: [], high: [], low: [], close: [] },
      trades: result?.trades ?? [],
    });
    return new StreamableFile(Buffer.from(html, 'utf8'), { type: 'text/html; charset=utf-8' });
  }
}

/** The range as asked, else the run's first or last bar. */
function isoOf(asked: string | undefined, barTime: number | undefined): string {
  return asked ?? new Date(barTime ?? 0).toISOString();
}
