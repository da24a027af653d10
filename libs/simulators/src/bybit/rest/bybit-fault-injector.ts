/** How the next call(s) of an endpoint fail: a Bybit retCode in a normal envelope, or a bare HTTP status. */
export type BybitFault =
  | { readonly retCode: number; readonly retMsg?: string }
  | { readonly httpStatus: number; readonly body?: string };

interface Pending<T> {
  readonly value: T;
  remaining: number;
}

/**
 * Test hook behind `failNext` and `delayNext`: faults queued per endpoint path, each for a number of
 * calls, consumed in order.
 */
export class BybitFaultInjector {
  private readonly failures = new Map<string, Pending<BybitFault>[]>();
  private readonly delays = new Map<string, Pending<number>[]>();

  failNext(path: string, fault: BybitFault, times: number): void {
    enqueue(this.failures, path, fault, times);
  }

  delayNext(path: string, delayMs: number, times: number): void {
    enqueue(this.delays, path, delayMs, times);
  }

  /** The fault for this call of `path`, if one is queued. */
  takeFailure(path: string): BybitFault | undefined {
    return take(this.failures, path);
  }

  /** The delay before answering this call of `path`, 0 when none is queued. */
  takeDelay(path: string): number {
    return take(this.delays, path) ?? 0;
  }

  clear(): void {
    this.failures.clear();
    this.delays.clear();
  }
}

function enqueue<T>(queues: Map<string, Pending<T>[]>, path: string, value: T, times: number): void {
  if (!Number.isInteger(times) || times < 1)
    throw new RangeError(`times must be a positive integer, got ${times}`);
  const queue = queues.get(path) ?? [];
  queue.push({ value, remaining: times });
  queues.set(path, queue);
}

function take<T>(queues: Map<string, Pending<T>[]>, path: string): T | undefined {
  const head = queues.get(path)?.[0];
  if (!head) return undefined;
  head.remaining -= 1;
  if (head.remaining === 0) queues.get(path)?.shift();
  return head.value;
}
