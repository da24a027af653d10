import { setTimeout as sleep } from 'node:timers/promises';
import type { StorageSetup, StoredCounts } from './storage-setups.js';

const POLL_MS = 50;
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Waits until the setup has written everything it owes: one stored order per 201 it answered, every fill
 * the broker reported stored, and nothing still moving (the order-state and fill queues idle). Returns
 * how long that took (the write backlog a run left behind) and the counts; throws after a minute.
 */
export async function waitForWrites(setup: StorageSetup): Promise<{ ms: number; counts: StoredCounts }> {
  const started = performance.now();
  let previous: string | undefined;
  for (;;) {
    const created = setup.tradeAnswers.get(201) ?? 0;
    const counts = await setup.stored();
    const snapshot = JSON.stringify([counts, created, setup.fillsReported()]);
    if (snapshot === previous && counts.orders === created && counts.fills === setup.fillsReported())
      return { ms: performance.now() - started, counts };
    if (performance.now() - started > SETTLE_TIMEOUT_MS)
      throw new Error(
        `${setup.label}: not settled after ${SETTLE_TIMEOUT_MS / 1000} s: ${created} orders answered 201, ` +
          `${setup.fillsReported()} fills reported, stored ${JSON.stringify(counts)}`,
      );
    previous = snapshot;
    await sleep(POLL_MS);
  }
}

export interface DurabilityReport {
  readonly ok: boolean;
  readonly line: string;
}

/**
 * After a scenario: every 201 the client received is an order the setup stored (the server's own count
 * of 201s also includes answers to requests the client gave up on when a run stopped, so it may be a
 * few higher, and stored orders must match it exactly), every reported fill is stored, no POST /trade
 * got anything but a 201, and GET /orders?limit=1 reads the newest order back.
 */
export async function checkDurability(
  setup: StorageSetup,
  received201: number,
  auth: Readonly<Record<string, string>>,
): Promise<DurabilityReport> {
  const { counts } = await waitForWrites(setup);
  const answered201 = setup.tradeAnswers.get(201) ?? 0;
  const otherAnswers = [...setup.tradeAnswers].filter(([status]) => status !== 201);
  const response = await fetch(new URL('/orders?limit=1', setup.url), { headers: auth });
  const page = (await response.json()) as { data?: { items?: { clientOrderId?: string }[] } };
  const newest = page.data?.items?.[0]?.clientOrderId;
  const problems = [
    counts.orders === answered201 ? '' : `stored ${counts.orders} orders for ${answered201} 201s`,
    received201 <= answered201 ? '' : `client received ${received201} 201s, server sent ${answered201}`,
    counts.fills === setup.fillsReported()
      ? ''
      : `stored ${counts.fills} fills of ${setup.fillsReported()} reported`,
    otherAnswers.length === 0
      ? ''
      : `non-201 answers: ${otherAnswers.map(([status, n]) => `${status}×${n}`).join(', ')}`,
    response.status === 200 && newest?.startsWith('bench-') === true
      ? ''
      : `GET /orders?limit=1 answered ${response.status} with ${newest ?? 'no order'}`,
  ].filter((problem) => problem !== '');
  const line =
    `${setup.label}: 201s received ${received201}, sent ${answered201}; orders stored ${counts.orders}` +
    ` (${counts.events} events); fills reported ${setup.fillsReported()}, stored ${counts.fills}; ` +
    `GET /orders?limit=1 → ${newest ?? '(none)'} — ${problems.length === 0 ? 'OK' : `MISMATCH: ${problems.join('; ')}`}`;
  return { ok: problems.length === 0, line };
}
