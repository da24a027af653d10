import type { CursorPosition } from '../common/pagination/cursor.js';
import type { StoredBar } from './candle.repository.js';
import type { DatasetRecord } from './dataset-record.js';

/** Where uploaded datasets and their bars are kept. */
export abstract class DatasetRepository {
  /** Stores the dataset and all its bars, or (on any failure) neither. */
  abstract create(dataset: DatasetRecord, bars: readonly StoredBar[]): Promise<void>;

  /** Newest first, by (createdAt, id), strictly after `after` when given. */
  abstract list(limit: number, after?: CursorPosition): Promise<DatasetRecord[]>;

  abstract get(id: string): Promise<DatasetRecord | null>;

  /** Removes the dataset and its bars; returns what was removed, null when there was no such dataset. */
  abstract delete(id: string): Promise<DatasetRecord | null>;
}
