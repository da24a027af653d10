import { createConnection } from 'node:net';

/** Test-time settings for the optional servers; CI sets REQUIRE_SERVICES=1 so a missing server fails. */
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === '1';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The test Redis on logical database `database` (1-15), one per suite: suites run in parallel, and two
 * deployments on one Redis database share its stream numbering, throttle counters and queues.
 * In use: 1 stream-redis, 2 throttle-redis, 3 stream-root-namespace, 4 backtest-redis, 5 risk-redis,
 * 6 backtest-worker.
 */
export function testRedisUrl(database: number): string {
  const url = new URL(TEST_REDIS_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** True when something accepts TCP connections at the URL's host and port. */
export function reachable(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Whether to run a suite needing `url`; prints why when it skips, and throws when CI requires it. */
export async function serviceAvailable(name: string, url: string): Promise<boolean> {
  if (await reachable(url)) return true;
  if (REQUIRE_SERVICES)
    throw new Error(`${name} at ${url} is required (REQUIRE_SERVICES=1) but not reachable`);
  process.stdout.write(
    `SKIPPED: ${name} tests: no ${name} at ${url} (set REQUIRE_SERVICES=1 to make this a failure)\n`,
  );
  return false;
}
