/**
 * Downloads one CSV export in its own thread, as a separate client would: the app (and PGlite, which
 * blocks the thread it runs on while it answers) keeps the main thread, so a client there would measure
 * its own starvation rather than the server's streaming. Counts rows and bytes and keeps nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface CsvDownloadJob {
  readonly url: string;
  readonly authorization: string;
}

export interface CsvDownloadResult {
  readonly status: number;
  /** Lines after the header. */
  readonly rows: number;
  readonly bytes: number;
  readonly firstByteMs: number;
  readonly totalMs: number;
}

async function download({ url, authorization }: CsvDownloadJob): Promise<CsvDownloadResult> {
  const start = performance.now();
  const response = await fetch(url, { headers: { authorization } });
  let firstByteMs = 0;
  let bytes = 0;
  let lines = 0;
  // The global fetch types leave the chunk type open; a byte stream is what HTTP hands back.
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  for (let read = await reader?.read(); read !== undefined && !read.done; read = await reader?.read()) {
    const chunk = read.value;
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += chunk.byteLength;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
  }
  return { status: response.status, rows: lines - 1, bytes, firstByteMs, totalMs: performance.now() - start };
}

if (parentPort === null) throw new Error('csv-download.worker.js runs in a worker thread');
const port = parentPort;
download(workerData as CsvDownloadJob).then(
  (result) => port.postMessage(result),
  (error: unknown) => {
    throw error;
  },
);
