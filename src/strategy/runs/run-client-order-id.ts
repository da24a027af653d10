import { createHash } from 'node:crypto';

/**
 * The client order id of the `index`-th order a run's strategy placed on the bar opening at `barTimeMs`:
 * the same whenever that bar is replayed (a resumed run, a bar seen twice), so the order service answers
 * with the first order instead of placing a second. 35 characters, within every broker's limit.
 */
export function runClientOrderId(runId: string, barTimeMs: number, index: number): string {
  const digest = createHash('sha256').update(`${runId}\u0000${barTimeMs}\u0000${index}`).digest('hex');
  return `rn-${digest.slice(0, 32)}`;
}
