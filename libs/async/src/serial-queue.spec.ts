import { SerialQueue } from './serial-queue.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('SerialQueue', () => {
  it('runs tasks one at a time in the order they were queued', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const slow = queue.run(async () => {
      log.push('slow start');
      await tick();
      await tick();
      log.push('slow end');
      return 'slow';
    });
    const fast = queue.run(() => {
      log.push('fast');
      return 'fast';
    });
    await expect(Promise.all([slow, fast])).resolves.toEqual(['slow', 'fast']);
    expect(log).toEqual(['slow start', 'slow end', 'fast']);
  });

  it('settles a failing task alone and runs the tasks after it', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(() => Promise.reject(new Error('boom')));
    const thrown = queue.run(() => {
      throw new Error('sync boom');
    });
    const after = queue.run(() => 'still runs');
    await expect(failed).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync boom');
    await expect(after).resolves.toBe('still runs');
  });

  it('drains once every task queued so far has settled, failures included', async () => {
    const queue = new SerialQueue();
    const done: string[] = [];
    void queue
      .run(async () => {
        await tick();
        done.push('a');
      })
      .catch(() => undefined);
    void queue.run(() => Promise.reject(new Error('b'))).catch(() => done.push('b'));
    await expect(queue.drained()).resolves.toBeUndefined();
    expect(done).toContain('a');
    await expect(new SerialQueue().drained()).resolves.toBeUndefined();
  });
});
