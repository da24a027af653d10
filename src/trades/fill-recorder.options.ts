/** How hard the fill recorder tries before giving a write up; injectable so specs need not wait. */
export interface FillRecorderOptions {
  /** Tries per write, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * How long after storing a fill no order matched to look for its order again: an order adopted from the
   * broker is written by the order queue, which may run just after this one.
   */
  readonly relinkDelayMs: number;
}

export const FILL_RECORDER_OPTIONS = Symbol('FILL_RECORDER_OPTIONS');

/** Five tries over about three seconds (0.2 + 0.4 + 0.8 + 1.6 s of waiting). */
export const DEFAULT_FILL_RECORDER_OPTIONS: FillRecorderOptions = {
  attempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  relinkDelayMs: 2000,
};
