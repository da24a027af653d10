import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read per call: large enough for few syscalls, small enough to keep memory flat. */
const DEFAULT_CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/** What is left after the last newline: bytes of a line whose write never finished. */
export interface JournalTail {
  /** Bytes up to and including the last newline. */
  readonly completeBytes: number;
  /** Bytes after it (0 when the file ends with a newline). */
  readonly tornBytes: number;
}

/**
 * Reads a JSON Lines file in one pass, a chunk at a time, and calls `onLine` for every line ended by a
 * newline, with its 1-based number and its starting byte offset. Splitting on the newline byte is safe
 * for UTF-8: no multi-byte sequence contains 0x0A. A missing file reads as empty.
 */
export function readJournalLines(
  file: string,
  onLine: (text: string, lineNumber: number, offset: number) => void,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): JournalTail {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { completeBytes: 0, tornBytes: 0 };
    throw error;
  }
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let carry = Buffer.alloc(0);
    let carryOffset = 0;
    let lineNumber = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunkBytes, null);
      if (read === 0) break;
      const data =
        carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        lineNumber += 1;
        onLine(data.toString('utf8', start, end), lineNumber, carryOffset + start);
        start = end + 1;
      }
      // Copy: `chunk` is reused by the next read.
      carry = Buffer.from(data.subarray(start));
      carryOffset += start;
    }
    return { completeBytes: carryOffset, tornBytes: carry.length };
  } finally {
    closeSync(fd);
  }
}
