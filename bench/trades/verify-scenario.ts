import type { Database } from '../../src/persistence/database.js';
import { BENCH_API_KEY } from '../support/edgerunner-app.js';
import { PAGE, type Scenario } from './scenarios.js';

/**
 * A full page over HTTP holding the very rows the direct query returns, in the same order: otherwise the
 * two sides of the comparison would not be doing the same work.
 */
export async function verifyScenario(baseUrl: string, db: Database, scenario: Scenario): Promise<void> {
  const response = await fetch(new URL(scenario.path, baseUrl), {
    headers: { authorization: `Bearer ${BENCH_API_KEY}` },
  });
  const body = (await response.json()) as { data?: { items?: { id: string }[] } };
  if (!response.ok) throw new Error(`${scenario.name}: GET ${scenario.path} answered ${response.status}`);
  const overHttp = (body.data?.items ?? []).map((item) => item.id);
  const result = await db.execute(scenario.query);
  const direct = (result as { rows: { id: string | number }[] }).rows.map((row) => String(row.id));
  if (overHttp.length !== PAGE || overHttp.join() !== direct.join())
    throw new Error(
      `${scenario.name}: HTTP returned ${overHttp.length} fills, SQL ${direct.length}, or in another order`,
    );
}
