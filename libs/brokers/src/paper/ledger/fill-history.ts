import type { Fill } from '../../domain/index.js';

/** Executions kept for getFills: at least this many of the latest (up to a tenth more between trims). */
export const DEFAULT_MAX_FILLS = 200_000;

/**
 * The account's recent executions, in the order they were booked, for reconciliation after a gap
 * (`getFills`). Bounded: the oldest are forgotten beyond the cap, as a venue's execution history is.
 */
export class FillHistory {
  private fills: { readonly timeMs: number; readonly fill: Fill }[] = [];

  constructor(private readonly maxFills = DEFAULT_MAX_FILLS) {}

  add(fill: Fill): void {
    this.fills.push({ timeMs: Date.parse(fill.executedAt), fill });
    // Trim in batches: one copy per tenth of the cap instead of one shift per fill.
    if (this.fills.length > this.maxFills + Math.max(1, Math.floor(this.maxFills / 10))) {
      this.fills = this.fills.slice(this.fills.length - this.maxFills);
    }
  }

  /**
   * Executions at or after `sinceMs`, oldest first. A linear scan rather than a binary search: an
   * injected or stepped clock may book a fill earlier than the one before it.
   */
  since(sinceMs: number): Fill[] {
    return this.fills.filter((entry) => entry.timeMs >= sinceMs).map((entry) => entry.fill);
  }
}
