/** A span of bar open times in ms since the epoch, both ends inclusive. */
export interface TimeSpan {
  readonly firstMs: number;
  readonly lastMs: number;
}

/**
 * `spans` sorted and merged where they overlap or touch (times are whole milliseconds, so [a, b] and
 * [b + 1, c] leave nothing between them).
 */
export function mergeSpans(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = [...spans].sort((a, b) => a.firstMs - b.firstMs);
  const merged: TimeSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && span.firstMs <= last.lastMs + 1) {
      merged[merged.length - 1] = { firstMs: last.firstMs, lastMs: Math.max(last.lastMs, span.lastMs) };
    } else merged.push(span);
  }
  return merged;
}

/** The parts of `wanted` that no span of `covered` holds, oldest first. */
export function missingSpans(covered: readonly TimeSpan[], wanted: TimeSpan): TimeSpan[] {
  const missing: TimeSpan[] = [];
  let next = wanted.firstMs;
  for (const span of mergeSpans(covered)) {
    if (span.lastMs < next) continue;
    if (span.firstMs > wanted.lastMs) break;
    if (span.firstMs > next) missing.push({ firstMs: next, lastMs: span.firstMs - 1 });
    next = span.lastMs + 1;
  }
  if (next <= wanted.lastMs) missing.push({ firstMs: next, lastMs: wanted.lastMs });
  return missing;
}

/** `span` cut into consecutive pieces of at most `maxMs` each, oldest first. */
export function splitSpan(span: TimeSpan, maxMs: number): TimeSpan[] {
  const pieces: TimeSpan[] = [];
  for (let first = span.firstMs; first <= span.lastMs; first += maxMs) {
    pieces.push({ firstMs: first, lastMs: Math.min(first + maxMs - 1, span.lastMs) });
  }
  return pieces;
}
