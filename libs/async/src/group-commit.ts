import { setImmediate as nextTurn } from 'node:timers/promises';

interface Waiting<I, R> {
  readonly item: I;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while the event loop turns once (and while the batch before is still
 * committing) are committed together by one call of `commit`, and each submitter's promise settles when
 * its batch has. Batches commit one at a time, in submission order, so a later batch never lands before
 * an earlier one. A batch that fails rejects every item in it with the batch's error; the next one still
 * runs.
 */
export class GroupCommit<I, R> {
  private waiting: Waiting<I, R>[] = [];
  private running: Promise<void> | null = null;

  /**
   * @param commit commits `items` all or nothing; answers one result per item, in the same order
   * @param maxBatch the most items one commit takes; the rest wait for the next
   */
  constructor(
    private readonly commit: (items: readonly I[]) => Promise<readonly R[]>,
    private readonly maxBatch = 1000,
  ) {}

  /** Settles once the batch holding `item` has committed, with its result, or rejects with the batch's error. */
  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Settles (never rejects) once everything submitted so far has committed or failed. */
  async drained(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      // One turn of the loop first: the requests that arrived together join the first batch.
      await nextTurn();
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        await this.commitBatch(batch);
      }
    } finally {
      this.running = null;
    }
  }

  private async commitBatch(batch: readonly Waiting<I, R>[]): Promise<void> {
    let results: readonly R[];
    try {
      results = await this.commit(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length)
        throw new Error(`group commit answered ${results.length} results for ${batch.length} items`);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, index) => waiting.resolve(results[index]!));
  }
}
