import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { BarSeries } from '#backtest/data/bar-series.js';
import { NotFoundError, ValidationFailedError } from '../common/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor.js';
import type { BarRequest } from './bar-request.js';
import { BrokerBarsLoader } from './broker-bars.loader.js';
import { MAX_BARS_PER_LOAD } from './checked-span.js';
import { parseBarCsv } from './csv/parse-bar-csv.js';
import type { DatasetRecord } from './dataset-record.js';
import { DatasetRepository } from './dataset.repository.js';
import { StoredBarsReader } from './stored-bars.reader.js';
import { TimeframeGrid } from './timeframe-grid.js';

/** An upload: the CSV text and what its bars are. */
export interface DatasetUpload {
  readonly csv: string;
  readonly symbol: string;
  readonly timeframe: string;
  /** Default: "<symbol> <timeframe>". */
  readonly name?: string;
}

export interface DatasetPage {
  readonly items: DatasetRecord[];
  readonly nextCursor: string | null;
}

/** Bars for backtests, from an account's broker (cached) or from uploaded datasets. */
@Injectable()
export class MarketDataService {
  constructor(
    private readonly brokerBars: BrokerBarsLoader,
    private readonly stored: StoredBarsReader,
    private readonly datasets: DatasetRepository,
  ) {}

  /**
   * The bars of `request`, oldest first, opening within [from, to]. An account's closed bars come from
   * the database once fetched; a bar still forming is fetched each time and never stored. Unknown account
   * or dataset: NotFoundError; a timeframe the broker does not serve: ValidationFailedError naming it.
   */
  async loadBars(request: BarRequest): Promise<BarSeries> {
    return request.kind === 'account' ? this.brokerBars.load(request) : this.stored.datasetBars(request);
  }

  /** Stores an uploaded file as a dataset; a file with any bad line is refused whole (see parseBarCsv). */
  async createDataset(upload: DatasetUpload): Promise<DatasetRecord> {
    const grid = TimeframeGrid.of(upload.timeframe);
    const bars = parseBarCsv(upload.csv, grid, MAX_BARS_PER_LOAD);
    const first = bars[0];
    const last = bars.at(-1);
    // parseBarCsv refuses a file without bars; this only tells the compiler.
    if (first === undefined || last === undefined) throw new ValidationFailedError('The CSV has no bars');
    const dataset: DatasetRecord = {
      id: randomUUID(),
      name: upload.name ?? `${upload.symbol} ${upload.timeframe}`,
      symbol: upload.symbol,
      timeframe: upload.timeframe,
      bars: bars.length,
      firstTime: new Date(first.time).toISOString(),
      lastTime: new Date(last.time).toISOString(),
      createdAt: new Date().toISOString(),
    };
    await this.datasets.create(dataset, bars);
    return dataset;
  }

  /** Newest first; `nextCursor` is null on the last page. */
  async listDatasets(limit: number, cursor?: string): Promise<DatasetPage> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor, (id) => isUUID(id));
    const items = await this.datasets.list(limit, after);
    const last = items.length === limit ? items.at(-1) : undefined;
    return { items, nextCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
  }

  getDataset(id: string): Promise<DatasetRecord> {
    return this.stored.getDataset(id);
  }

  /** Removes the dataset and its bars; returns it as it was. */
  async deleteDataset(id: string): Promise<DatasetRecord> {
    const dataset = isUUID(id) ? await this.datasets.delete(id) : null;
    if (dataset === null) throw new NotFoundError(`Unknown dataset "${id}"`);
    return dataset;
  }
}
