import type { FillRecord } from './fill-record.js';
import type { FillFilter, FillPosition, FillRepository } from './fill.repository.js';

/**
 * Every fill matching `filter`, newest first, `size` at a time: each batch is one keyset query continuing
 * after the last row of the one before, so memory holds one batch whatever the log's size, and rows
 * written meanwhile neither shift nor repeat the walk.
 */
export async function* fillBatches(
  repository: FillRepository,
  filter: FillFilter,
  size: number,
  after?: FillPosition,
): AsyncGenerator<FillRecord[], void, undefined> {
  let position = after;
  for (;;) {
    const batch = await repository.list(filter, size, position);
    if (batch.length > 0) yield batch;
    const last = batch.at(-1);
    if (batch.length < size || last === undefined) return;
    position = { executedAt: last.executedAt, id: last.id };
  }
}
