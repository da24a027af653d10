import { PGlite } from '@electric-sql/pglite';
import { EventLoopFriendlyPGlite } from './event-loop-friendly-pglite.js';

const QUERIES = 50;

/** How many of `QUERIES` queued queries finish before a timer set just after queuing them gets to run. */
async function queriesBeforeATimer(client: PGlite): Promise<number> {
  await client.query('select 1');
  let finished = 0;
  const queries = Array.from({ length: QUERIES }, (_, i) =>
    client.query('select $1::int as n', [i]).then(() => (finished += 1)),
  );
  const atTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(finished), 0));
  await Promise.all(queries);
  return atTimer;
}

describe('EventLoopFriendlyPGlite', () => {
  const clients: PGlite[] = [];
  afterAll(() => Promise.all(clients.map((client) => client.close())));

  it('lets timers and sockets run between queued queries, where plain PGlite runs them all first', async () => {
    const plain = new PGlite('memory://');
    const friendly = new EventLoopFriendlyPGlite('memory://');
    clients.push(plain, friendly);
    expect(await queriesBeforeATimer(plain)).toBe(QUERIES);
    expect(await queriesBeforeATimer(friendly)).toBeLessThan(QUERIES / 2);
  });

  it('still runs queries one at a time, in order, inside and outside transactions', async () => {
    const client = new EventLoopFriendlyPGlite('memory://');
    clients.push(client);
    await client.exec('create table t (n int)');
    await Promise.all([
      client.query('insert into t values (1)'),
      client.transaction(async (tx) => {
        await tx.query('insert into t values (2)');
        await tx.query('insert into t values (3)');
      }),
      client.query('insert into t values (4)'),
    ]);
    const { rows } = await client.query<{ n: number }>('select n from t order by n');
    expect(rows.map((row) => row.n)).toEqual([1, 2, 3, 4]);
  });
});
