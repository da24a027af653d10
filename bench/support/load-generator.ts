import { Worker } from 'node:worker_threads';
import type { FromWorker, LoadJob, LoadResult, ToWorker } from './load-job.js';

/** The main thread's handle on the load worker (load-worker.ts): one job at a time. */
export class LoadGenerator {
  private readonly worker = new Worker(new URL('./load-worker.js', import.meta.url));
  private readonly pending = new Map<number, { resolve(r: LoadResult): void; reject(e: Error): void }>();
  private nextId = 0;

  constructor() {
    this.worker.on('message', (message: FromWorker) => {
      const waiter = this.pending.get(message.id);
      if (waiter === undefined) return;
      this.pending.delete(message.id);
      if (message.kind === 'result') waiter.resolve(message.result);
      else waiter.reject(new Error(`load worker: ${message.message}`));
    });
    this.worker.on('error', (error: unknown) =>
      this.failAll(error instanceof Error ? error : new Error(String(error))),
    );
    this.worker.on('exit', (code) => this.failAll(new Error(`load worker exited with code ${code}`)));
  }

  run(job: LoadJob): Promise<LoadResult> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'run', id, job } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
