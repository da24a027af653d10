import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  it('commits what was submitted in one turn of the event loop as one batch, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, string>((items) => {
      batches.push([...items]);
      return Promise.resolve(items.map((item) => `done ${item}`));
    });
    const results = await Promise.all([1, 2, 3].map((item) => group.submit(item)));
    expect(results).toEqual(['done 1', 'done 2', 'done 3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives while a batch commits into the next one, committed only after it', async () => {
    const log: string[] = [];
    let release!: () => void;
    const group = new GroupCommit<number, number>(async (items) => {
      log.push(`start ${items.join(',')}`);
      if (items[0] === 1) await new Promise<void>((resolve) => (release = resolve));
      log.push(`end ${items.join(',')}`);
      return items;
    });
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [group.submit(2), group.submit(3)];
    release();
    await Promise.all([first, ...later]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2,3', 'end 2,3']);
  });

  it('rejects every item of a failed batch, none of them resolved, and the next batch still commits', async () => {
    let fail = true;
    const group = new GroupCommit<number, number>((items) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('database refused'));
      }
      return Promise.resolve(items);
    });
    const failed = await Promise.allSettled([group.submit(1), group.submit(2)]);
    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    await expect(group.submit(3)).resolves.toBe(3);
  });

  it('splits a flood into batches of at most maxBatch, in submission order', async () => {
    const sizes: number[] = [];
    const seen: number[] = [];
    const group = new GroupCommit<number, number>((items) => {
      sizes.push(items.length);
      seen.push(...items);
      return Promise.resolve(items);
    }, 4);
    await Promise.all(Array.from({ length: 10 }, (_, index) => group.submit(index)));
    expect(sizes).toEqual([4, 4, 2]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('treats a commit that answers the wrong number of results as a failed batch', async () => {
    const group = new GroupCommit<number, number>(() => Promise.resolve([1]));
    await expect(Promise.all([group.submit(1), group.submit(2)])).rejects.toThrow('1 results for 2 items');
    await group.drained();
  });
});
