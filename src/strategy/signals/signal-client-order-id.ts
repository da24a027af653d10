import { createHash } from 'node:crypto';

/**
 * The client order id of a signal's order: the same for the same strategy, account and signal id, so a
 * signal sent twice (a retry, a replayed alert) finds the first order instead of placing a second. 35
 * characters, within every broker's limit (Bybit's is 36).
 */
export function signalClientOrderId(strategy: string, account: string, signalId: string): string {
  const digest = createHash('sha256').update(`${strategy}\u0000${account}\u0000${signalId}`).digest('hex');
  return `sg-${digest.slice(0, 32)}`;
}
