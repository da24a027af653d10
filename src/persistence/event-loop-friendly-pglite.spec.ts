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

  describe('a prepared statement', () => {
    const INSERT = `insert into p (id, label, amount)
      select * from unnest($1::uuid[], $2::text[], $3::numeric[]) returning id, label, amount::text as amount`;
    let client: EventLoopFriendlyPGlite;
    beforeAll(async () => {
      client = new EventLoopFriendlyPGlite('memory://');
      clients.push(client);
      await client.exec(
        'create table p (id uuid primary key, label text, amount numeric check (amount > 0))',
      );
    });

    it('binds array parameters, nulls inside them included, and answers rows as query() does', async () => {
      const ids = ['0b9f3c1e-1111-4a4a-8a8a-000000000001', '0b9f3c1e-1111-4a4a-8a8a-000000000002'];
      const first = await client.queryPrepared('insert_p', INSERT, [
        ids,
        ['a "quoted", label', null],
        ['1.5', '2'],
      ]);
      expect(first.rows).toEqual([
        { id: ids[0], label: 'a "quoted", label', amount: '1.5' },
        { id: ids[1], label: null, amount: '2' },
      ]);
      const again = await client.queryPrepared('insert_p', INSERT, [
        ['0b9f3c1e-1111-4a4a-8a8a-000000000003'],
        ['{braces}'],
        ['0.000000000000000001'],
      ]);
      expect(again.rows).toEqual([
        { id: '0b9f3c1e-1111-4a4a-8a8a-000000000003', label: '{braces}', amount: '0.000000000000000001' },
      ]);
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from p');
      expect(rows).toEqual([{ n: 3 }]);
    });

    it('refuses a statement the database refuses, writes nothing of it, and runs the next one', async () => {
      const id = (n: number) => `0b9f3c1e-2222-4a4a-8a8a-00000000000${n}`;
      await expect(
        client.queryPrepared('insert_p', INSERT, [
          [id(1), id(2)],
          ['ok', 'bad'],
          ['1', '-1'],
        ]),
      ).rejects.toThrow(/check constraint/);
      const none = await client.query('select id from p where id = any($1::uuid[])', [[id(1), id(2)]]);
      expect(none.rows).toEqual([]);
      const next = await client.queryPrepared('insert_p', INSERT, [[id(3)], ['after'], ['4']]);
      expect(next.rows).toHaveLength(1);
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    });

    it('refuses a text that does not parse every time, and leaves the name free for one that does', async () => {
      for (let attempt = 0; attempt < 2; attempt++)
        await expect(client.queryPrepared('later', 'selec 1', [])).rejects.toThrow(/syntax error/);
      const { rows } = await client.queryPrepared('later', 'select $1::int + 1 as n', [41]);
      expect(rows).toEqual([{ n: 42 }]);
      await expect(client.queryPrepared('later', 'select $1::int + 2 as n', [41])).rejects.toThrow(
        /prepared with another text/,
      );
    });
  });
});
