import { Injectable } from '@nestjs/common';
import { StoredBarsReader } from '../../market-data/stored-bars.reader.js';
import type { BacktestSource } from '../backtest/backtest-record.js';
import { BacktestDataSource, type BacktestFeed } from './backtest-data-source.js';

/**
 * The bars of a job taken from the queue, read from the database only: the submission already read them
 * (caching an account's closed bars), and the process that takes the job may have no broker connected at
 * all. So a job runs on the same bars whichever process takes it. The instruments' tick and lot sizes
 * come with the job's stored settings, not from here.
 */
@Injectable()
export class StoredBacktestSource extends BacktestDataSource {
  constructor(private readonly stored: StoredBarsReader) {
    super();
  }

  async load(source: BacktestSource): Promise<BacktestFeed> {
    if (source.kind === 'dataset') {
      const dataset = await this.stored.getDataset(source.datasetId);
      const series = await this.stored.datasetBars({
        kind: 'dataset',
        datasetId: source.datasetId,
        ...(source.from === undefined ? {} : { from: new Date(source.from) }),
        ...(source.to === undefined ? {} : { to: new Date(source.to) }),
      });
      return { series: [series], timeframe: dataset.timeframe };
    }
    const series = [];
    for (const symbol of source.symbols) {
      series.push(
        await this.stored.cachedAccountBars({
          kind: 'account',
          account: source.account,
          symbol,
          timeframe: source.timeframe,
          from: new Date(source.from),
          to: new Date(source.to),
        }),
      );
    }
    return { series, timeframe: source.timeframe };
  }
}
