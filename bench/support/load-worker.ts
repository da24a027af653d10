/**
 * The load generator's thread: runs the autocannon jobs the main thread posts and posts back what they saw.
 * Its own isolate and event loop, so on a 2-core machine the server under test (main thread) and the
 * client each get a core instead of taking turns on one.
 */
import { parentPort } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { FromWorker, LoadJob, LoadResult, ToWorker } from './load-job.js';

const MAX_SAMPLES = 5;

if (parentPort === null) throw new Error('load-worker.js runs in a worker thread');
const port = parentPort;

port.on('message', (message: ToWorker) => {
  runJob(message.job).then(
    (result) =>
      port.postMessage({ kind: 'result', id: message.id, result } satisfies FromWorker, [
        result.latenciesMs.buffer,
      ]),
    (error: unknown) =>
      port.postMessage({
        kind: 'failed',
        id: message.id,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies FromWorker),
  );
});

function runJob(job: LoadJob): Promise<LoadResult> {
  const latencies = new LatencyRecorder();
  const samples: string[] = [];
  const sample = (text: string): void => {
    if (samples.length < MAX_SAMPLES) samples.push(text.length > 500 ? `${text.slice(0, 500)}…` : text);
  };
  let sequence = 0;
  const { uniqueClientOrderId } = job;
  const toRequest = (body: Readonly<Record<string, unknown>> | undefined): autocannon.Request => ({
    method: job.method,
    path: job.path,
    headers: body === undefined ? { ...job.headers } : { ...job.headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(body !== undefined && uniqueClientOrderId !== undefined
      ? {
          setupRequest: (next: autocannon.Request): autocannon.Request => ({
            ...next,
            body: JSON.stringify({ ...body, clientOrderId: `${uniqueClientOrderId}-${++sequence}` }),
          }),
        }
      : {}),
    onResponse: (status, responseBody) => {
      if (status < 200 || status > 299) sample(`${status} ${responseBody}`);
    },
  });
  // autocannon sends a connection's requests in turn, starting over after the last.
  const requests =
    job.bodies !== undefined && job.bodies.length > 0 ? job.bodies.map(toRequest) : [toRequest(job.body)];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.durationSeconds,
        timeout: 10,
        requests,
      },
      (error, result) => {
        if (error !== null) {
          reject(error);
          return;
        }
        resolve({
          completed: result.totalCompletedRequests,
          seconds: result.duration,
          errors: result.errors + result.timeouts + result.resets,
          statusCounts: Object.fromEntries(
            Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
          ),
          latenciesMs: latencies.values(),
          samples,
        });
      },
    );
    // autocannon's own latency histogram keeps whole milliseconds; its per-response timing is finer.
    instance.on('response', (_client: unknown, status: number, _bytes: number, milliseconds: number) => {
      if (status >= 200 && status <= 299) latencies.record(milliseconds);
    });
    instance.on('reqError', (error: Error) => sample(`request error: ${error.message}`));
  });
}

class LatencyRecorder {
  private buffer = new Float64Array(1 << 16);
  private count = 0;

  record(milliseconds: number): void {
    if (this.count === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.count++] = milliseconds;
  }

  /** A copy trimmed to what was recorded, so its buffer can be transferred. */
  values(): Float64Array<ArrayBuffer> {
    return this.buffer.slice(0, this.count);
  }
}
