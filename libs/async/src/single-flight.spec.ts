import { SingleFlight } from './single-flight.js';

/** A promise the test settles by hand. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('joins a request for a key to the run in flight for it', async () => {
    const flights = new SingleFlight<string, number>();
    const run = deferred<number>();
    let started = 0;
    const task = (): Promise<number> => {
      started += 1;
      return run.promise;
    };
    const first = flights.run('paper', task);
    const second = flights.run('paper', task);
    expect(second).toBe(first);
    expect(flights.has('paper')).toBe(true);
    run.resolve(7);
    await expect(Promise.all([first, second])).resolves.toEqual([7, 7]);
    expect(started).toBe(1);
  });

  it('runs different keys side by side', async () => {
    const flights = new SingleFlight<string, string>();
    const a = deferred<string>();
    const b = deferred<string>();
    const runA = flights.run('a', () => a.promise);
    const runB = flights.run('b', () => b.promise);
    b.resolve('b');
    await expect(runB).resolves.toBe('b');
    expect(flights.has('a')).toBe(true);
    a.resolve('a');
    await expect(runA).resolves.toBe('a');
  });

  it('frees the key once the run settles, before its callers resume, failures included', async () => {
    const flights = new SingleFlight<string, number>();
    const failing = deferred<number>();
    const first = flights.run('k', () => failing.promise);
    failing.reject(new Error('down'));
    let inFlightWhenCallerResumed: boolean | undefined;
    await expect(
      first.catch((error: Error) => {
        inFlightWhenCallerResumed = flights.has('k');
        throw error;
      }),
    ).rejects.toThrow('down');
    expect(inFlightWhenCallerResumed).toBe(false);
    await expect(flights.run('k', () => Promise.resolve(2))).resolves.toBe(2);
    expect(flights.has('k')).toBe(false);
  });

  it('settles a task that throws before its first await as a rejected run', async () => {
    const flights = new SingleFlight<string, number>();
    const run = flights.run('k', () => {
      throw new Error('at once');
    });
    await expect(run).rejects.toThrow('at once');
    expect(flights.has('k')).toBe(false);
  });
});
