import pg from 'pg';
import { StartupError } from '../common/startup-error.js';

/** An unreachable host that drops packets would otherwise hold start-up for as long as TCP tries. */
const PROBE_TIMEOUT_MS = 10_000;

/** The server's address without the user and password the URL may carry, fit for a message. */
export function describeDatabaseUrl(url: string): string {
  try {
    const { protocol, host, pathname } = new URL(url);
    return `${protocol}//${host}${pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** pg's reason; a host with several addresses fails with one error per address, in an AggregateError. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return [...new Set(error.errors.map(reasonOf))].join('; ');
  const { message, code } = error as NodeJS.ErrnoException;
  return message || code || String(error);
}

/**
 * Connects once to the server of `url` and disconnects: a start-up that cannot reach the database stops
 * with one line naming the server and the reason (refused, timed out, wrong password, no such database).
 */
export async function probePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  // A refused connection also emits 'error'; unheard, it would crash the process instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError(
      `the database at ${describeDatabaseUrl(url)} (DATABASE_URL) cannot be reached: ${reasonOf(error)}`,
      { cause: error },
    );
  }
  await client.end();
}
