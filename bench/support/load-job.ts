/** What the main thread asks the load worker to run, and what it hands back (structured-cloneable). */
export interface LoadJob {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * A JSON object sent as the body of every request. With `uniqueClientOrderId`, each request's body gets
   * its own `clientOrderId` (`<prefix>-<n>`), so every POST /trade is a new order, not an idempotent replay.
   */
  readonly body?: Readonly<Record<string, unknown>>;
  /**
   * Instead of one `body`: several, which each connection sends in turn (first, second, …, first again),
   * e.g. a buy then a sell so that market orders keep the position flat. `uniqueClientOrderId` applies.
   */
  readonly bodies?: readonly Readonly<Record<string, unknown>>[];
  readonly uniqueClientOrderId?: string;
  readonly connections: number;
  readonly durationSeconds: number;
}

/** One autocannon run, as the worker measured it. */
export interface LoadResult {
  /** Responses of any status. */
  readonly completed: number;
  /** Wall time of the run (autocannon samples once a second, so a run ends on a whole second). */
  readonly seconds: number;
  /** Socket errors, timeouts and resets. */
  readonly errors: number;
  readonly statusCounts: Readonly<Record<string, number>>;
  /** Every 2xx response's latency in milliseconds, unsorted (autocannon's hrtime-based per-request timing). */
  readonly latenciesMs: Float64Array<ArrayBuffer>;
  /** The first few non-2xx responses and socket errors, to show what went wrong. */
  readonly samples: readonly string[];
}

export type ToWorker = { readonly kind: 'run'; readonly id: number; readonly job: LoadJob };

export type FromWorker =
  | { readonly kind: 'result'; readonly id: number; readonly result: LoadResult }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };
