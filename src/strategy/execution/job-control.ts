import { CANCEL_FLAG } from './backtest-task.js';

/**
 * The memory a job shares with its tasks on the worker threads: a cancel flag they poll, and one progress
 * slot per task they write. The job reads progress from here rather than from messages, so a sweep of
 * thousands of tasks costs no traffic for it.
 */
export class JobControl {
  readonly control = new Int32Array(new SharedArrayBuffer(4));
  readonly progress: Float64Array;

  constructor(readonly tasks: number) {
    this.progress = new Float64Array(new SharedArrayBuffer(8 * tasks));
  }

  /** True once someone asked to cancel the job (not when it stops itself because a task failed). */
  requested = false;

  /** A person asked: the job ends `cancelled`. */
  cancel(): void {
    this.requested = true;
    this.stop();
  }

  /** Stops every task still running, say after one of them failed. */
  stop(): void {
    Atomics.store(this.control, CANCEL_FLAG, 1);
  }

  get cancelled(): boolean {
    return Atomics.load(this.control, CANCEL_FLAG) === 1;
  }

  /** 0..1 over every task. */
  fraction(): number {
    let done = 0;
    for (const value of this.progress) done += value;
    return Math.min(1, done / this.tasks);
  }
}
