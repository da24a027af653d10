import type { CandleKey } from './candle.repository.js';
import type { DatasetRecord } from './dataset-record.js';

/**
 * The `source` of a row of `candles`. Prefixed, so an account and a dataset can never share bars, whatever
 * the account is named.
 */
export const accountSource = (account: string): string => `account:${account}`;

export const datasetSource = (datasetId: string): string => `dataset:${datasetId}`;

/** Where a dataset's bars are. */
export function datasetCandleKey(dataset: Pick<DatasetRecord, 'id' | 'symbol' | 'timeframe'>): CandleKey {
  return { source: datasetSource(dataset.id), symbol: dataset.symbol, timeframe: dataset.timeframe };
}
