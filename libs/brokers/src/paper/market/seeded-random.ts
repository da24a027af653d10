/**
 * A small seeded PRNG (mulberry32). Same seed, same sequence: the paper broker's prices are reproducible,
 * which is what makes its tests deterministic. Not for anything secret.
 */
export class SeededRandom {
  private state: number;
  /** Box–Muller yields two normals per draw; the second is kept for the next call. */
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Standard normal (mean 0, standard deviation 1). */
  gaussian(): number {
    if (this.spare !== null) {
      const spare = this.spare;
      this.spare = null;
      return spare;
    }
    let u = 0;
    // log(0) is -Infinity: draw again (probability 2^-32).
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }
}

/**
 * Derives an independent seed for one stream (e.g. one symbol's walk), so that adding an instrument to the
 * config does not change the prices of the others. FNV-1a over the label, mixed with the account seed.
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
