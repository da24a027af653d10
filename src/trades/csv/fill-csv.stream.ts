import { Readable } from 'node:stream';
import type { FillRecord } from '../fill-record.js';
import { FILL_CSV_HEADER, fillCsvRows } from './fill-csv.js';

/**
 * The CSV document: the header, then each batch as it is pulled. The stream asks for the next batch only
 * when the client has taken the previous one, so a slow client holds one batch, not the log.
 */
export function fillCsvStream(batches: AsyncIterable<FillRecord[]>): Readable {
  async function* lines(): AsyncGenerator<string, void, undefined> {
    yield FILL_CSV_HEADER;
    for await (const batch of batches) yield fillCsvRows(batch);
  }
  return Readable.from(lines(), { objectMode: false });
}
