import { truncateSync } from 'node:fs';
import type { Fill } from '../../domain/index.js';
import type { PaperJournalRecord } from './paper-journal.js';
import type { PaperLogger } from '../paper-logger.js';
import type { PaperOrderRecord } from './paper-order-record.js';
import { readJournalLines } from './read-journal-lines.js';

/** What replaying a journal leaves besides the executions, which go to `onFill` as they are read. */
export interface RestoredPaperState {
  /**
   * The latest record of every order, in the order each was first journaled: creation order, which is
   * time priority for the open ones and puts a bracket entry before its children.
   */
  readonly orders: PaperOrderRecord[];
  /** Start of the latest run journaled, epoch ms; null for a new journal. */
  readonly lastRunMs: number | null;
}

/**
 * Replays a paper journal in one streaming pass: every execution is handed to `onFill` in file order
 * (the ledger and the fill history rebuild from them), and the last state of each order is kept.
 *
 * A last line that is torn (no newline, or not JSON) is a write the process did not finish: it was
 * never acknowledged, so it is cut off the file (appending after it would glue the next record to it)
 * and reported through `logger`. An unreadable line followed by good ones is corruption, not a torn
 * write: that throws, since a broker must not silently forget orders. Unknown record types are skipped
 * with a warning, for journals written by a newer version.
 */
export function restorePaperState(
  file: string,
  onFill: (fill: Fill) => void,
  logger: PaperLogger,
): RestoredPaperState {
  const orders = new Map<string, PaperOrderRecord>();
  let lastRunMs: number | null = null;
  // An object, not a `let`: it is set inside the callback, where TypeScript cannot follow assignments.
  const unreadable: { line: { number: number; offset: number } | null } = { line: null };

  const tail = readJournalLines(file, (text, lineNumber, offset) => {
    if (text.trim() === '') return;
    if (unreadable.line) {
      throw new Error(`paper journal ${file}: line ${unreadable.line.number} is not a journal record`);
    }
    const record = parseRecord(text);
    if (!record) {
      unreadable.line = { number: lineNumber, offset };
      return;
    }
    try {
      switch (record.type) {
        case 'run':
          lastRunMs = Math.max(lastRunMs ?? Number.NEGATIVE_INFINITY, Date.parse(record.startedAt));
          break;
        case 'order':
          orders.set(record.order.brokerOrderId, record.order);
          break;
        case 'fill':
          onFill(record.fill);
          break;
        default:
          logger('warn', `paper journal ${file}: line ${lineNumber} has an unknown record type, skipped`);
      }
    } catch (error) {
      throw new Error(`paper journal ${file}: line ${lineNumber}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });

  const cutAt = unreadable.line?.offset ?? tail.completeBytes;
  const cutBytes = tail.completeBytes + tail.tornBytes - cutAt;
  if (cutBytes > 0) {
    truncateSync(file, cutAt);
    logger('warn', `paper journal ${file}: dropped a torn last line (${cutBytes} bytes at offset ${cutAt})`);
  }
  return { orders: [...orders.values()], lastRunMs };
}

/** The record on a line, or null when the line is not a JSON object with a string `type`. */
function parseRecord(text: string): PaperJournalRecord | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    return typeof (value as { type?: unknown }).type === 'string' ? (value as PaperJournalRecord) : null;
  } catch {
    return null;
  }
}
