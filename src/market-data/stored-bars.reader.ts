import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { barSeriesFromRows, type BarSeries } from '#backtest/data/bar-series.js';
import { NotFoundError, UnprocessableError, ValidationFailedError } from '../common/errors/app-error.js';
import type { BarRequest } from './bar-request.js';
import { CandleRepository } from './candle.repository.js';
import type { DatasetRecord } from './dataset-record.js';
import { DatasetRepository } from './dataset.repository.js';
import { accountSource, datasetCandleKey } from './source-key.js';

type AccountBarRequest = Extract<BarRequest, { kind: 'account' }>;
type DatasetBarRequest = Extract<BarRequest, { kind: 'dataset' }>;

/**
 * Bars the database already holds, read without asking any broker: uploaded datasets, and the closed bars
 * of an account's history that an earlier read cached. A process without broker connections (the backtest
 * worker) runs its jobs on these.
 */
@Injectable()
export class StoredBarsReader {
  constructor(
    private readonly candles: CandleRepository,
    private readonly datasets: DatasetRepository,
  ) {}

  async getDataset(id: string): Promise<DatasetRecord> {
    // Not a dataset id at all: as unknown as any other, not a query the uuid column refuses.
    const dataset = isUUID(id) ? await this.datasets.get(id) : null;
    if (dataset === null) throw new NotFoundError(`Unknown dataset "${id}"`);
    return dataset;
  }

  /** A dataset's bars opening within [from, to] (without them, the whole file), oldest first. */
  async datasetBars(request: DatasetBarRequest): Promise<BarSeries> {
    const dataset = await this.getDataset(request.datasetId);
    const firstMs = request.from?.getTime() ?? Date.parse(dataset.firstTime);
    const lastMs = request.to?.getTime() ?? Date.parse(dataset.lastTime);
    if (Number.isNaN(firstMs) || Number.isNaN(lastMs))
      throw new ValidationFailedError('from and to must be valid dates', { field: 'from' });
    if (firstMs > lastMs) throw new ValidationFailedError('from must not be after to', { field: 'from' });
    const bars = await this.candles.read(datasetCandleKey(dataset), { firstMs, lastMs });
    return barSeriesFromRows(dataset.symbol, bars);
  }

  /**
   * An account's cached bars opening within [from, to]. Only closed bars are ever cached, so a bar that was
   * still forming when the history was read is not among them.
   */
  async cachedAccountBars(request: AccountBarRequest): Promise<BarSeries> {
    const key = {
      source: accountSource(request.account),
      symbol: request.symbol,
      timeframe: request.timeframe,
    };
    const bars = await this.candles.read(key, {
      firstMs: request.from.getTime(),
      lastMs: request.to.getTime(),
    });
    if (bars.length === 0)
      throw new UnprocessableError(
        `No stored ${request.timeframe} bars of ${request.symbol} on account "${request.account}" from ` +
          `${request.from.toISOString()} to ${request.to.toISOString()}: a job run away from the API reads ` +
          'the bars its submission cached',
        { account: request.account, symbol: request.symbol, timeframe: request.timeframe },
      );
    return barSeriesFromRows(request.symbol, bars);
  }
}
