import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { BENCH_API_KEY } from '../support/edgerunner-app.js';
import type { CsvDownloadJob, CsvDownloadResult } from './csv-download.worker.js';

export interface CsvExportFigures extends CsvDownloadResult {
  /** How far this process's resident memory rose above where it started, at its highest. */
  readonly peakRssGrowthBytes: number;
}

/**
 * One CSV export of the app at `baseUrl`, downloaded by a client in a worker thread, while this thread
 * (which serves it) watches the process's memory: a streamed export must not grow with the log.
 */
export async function measureCsvExport(baseUrl: string, path: string): Promise<CsvExportFigures> {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  try {
    const job: CsvDownloadJob = {
      url: new URL(path, baseUrl).href,
      authorization: `Bearer ${BENCH_API_KEY}`,
    };
    const worker = new Worker(new URL('./csv-download.worker.js', import.meta.url), { workerData: job });
    const [result] = (await once(worker, 'message')) as [CsvDownloadResult];
    await worker.terminate();
    if (result.status !== 200) throw new Error(`GET ${path} answered ${result.status}`);
    return { ...result, peakRssGrowthBytes: Math.max(peakRss, process.memoryUsage().rss) - startRss };
  } finally {
    clearInterval(sampler);
  }
}
