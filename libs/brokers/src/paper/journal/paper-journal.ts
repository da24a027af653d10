import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Fill } from '../../domain/index.js';
import type { PaperOrderRecord } from './paper-order-record.js';

/** Written in every `run` record; a reader meeting a newer version should not guess. */
export const PAPER_JOURNAL_VERSION = 1;

/**
 * One line of the paper journal (JSON Lines). `run`: an adapter started on this journal (its run id
 * prefixes every id it hands out). `order`: the full state of an order after a change, the latest
 * record of an id wins. `fill`: one execution, replayed into the ledger in file order.
 */
export type PaperJournalRecord =
  | {
      readonly type: 'run';
      readonly version: number;
      readonly account: string;
      readonly runId: string;
      readonly startedAt: string;
    }
  | { readonly type: 'order'; readonly order: PaperOrderRecord }
  | { readonly type: 'fill'; readonly fill: Fill };

/**
 * Appends to the paper broker's journal. Synchronous on purpose: a broker commits before it
 * acknowledges, and a written page survives a killed process (the OS flushes it) though not a power
 * cut (no fsync: a paper broker trades durability against a disk flush per order).
 */
export class PaperJournal {
  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
  }

  /**
   * Appends `records` in one write, so that a killed process leaves all of one commit or none of it:
   * the kernel copies a write to a regular file whole before a SIGKILL is acted upon.
   */
  append(records: readonly PaperJournalRecord[]): void {
    if (records.length === 0) return;
    appendFileSync(this.file, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  }
}
