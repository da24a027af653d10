/**
 * The simulator's own time: the machine clock plus an offset a test can set, to play a server whose
 * clock differs from the client's (what the recv_window check and time sync are about).
 */
export class ServerClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number = () => Date.now()) {}

  /** Server time in epoch milliseconds. */
  now(): number {
    return this.base() + this.offsetMs;
  }

  /** Moves the server clock `offsetMs` away from the machine's (positive: the server is ahead). */
  setOffset(offsetMs: number): void {
    if (!Number.isFinite(offsetMs)) throw new RangeError(`offsetMs must be finite, got ${offsetMs}`);
    this.offsetMs = offsetMs;
  }
}
