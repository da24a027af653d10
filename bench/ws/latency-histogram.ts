/** Delivery latencies in whole milliseconds, up to a ceiling; memory stays flat however many arrive. */
export class LatencyHistogram {
  readonly counts: number[];

  constructor(readonly ceilingMs = 10_000) {
    this.counts = new Array<number>(ceilingMs + 1).fill(0);
  }

  add(ms: number): void {
    const bucket = Math.min(this.ceilingMs, Math.max(0, Math.round(ms)));
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
  }

  merge(counts: readonly number[]): void {
    counts.forEach((count, bucket) => (this.counts[bucket] = (this.counts[bucket] ?? 0) + count));
  }

  get total(): number {
    return this.counts.reduce((sum, count) => sum + count, 0);
  }

  /** Nearest-rank percentile in ms; NaN when empty. */
  percentile(p: number): number {
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (let bucket = 0; bucket < this.counts.length; bucket += 1) {
      seen += this.counts[bucket] ?? 0;
      if (seen >= rank && seen > 0) return bucket;
    }
    return Number.NaN;
  }

  max(): number {
    for (let bucket = this.counts.length - 1; bucket >= 0; bucket -= 1)
      if ((this.counts[bucket] ?? 0) > 0) return bucket;
    return Number.NaN;
  }
}
