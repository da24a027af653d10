import fc from 'fast-check';
import { readOperations, type FuzzOperation } from './fuzz/openapi-operations.js';
import { requestFor, type FuzzRequest } from './fuzz/request-arbitrary.js';
import { sendRaw, type RawAnswer } from './fuzz/send-raw.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every route in /docs-json, fuzzed with a fixed seed: wrong types, missing and extra fields, odd numbers,
 * NUL and unicode, deep JSON, wrong content types, path and query injection, tampered cursors. No answer is
 * a 5xx, every error is the envelope, none leaks a stack, a path, SQL or an internal code, and a refused
 * request changes nothing stored.
 */

const SEED = 20_261_201;
const RUNS_PER_ROUTE = 120;

/** A 503 is this route's contract once the account is disconnected; the fuzz keeps it connected. */
const NOT_FUZZED = new Set(['POST /broker/disconnect']);

const LEAKS =
  /\bat [\w.<>$]+ \(|node_modules|\/work\/|\/tmp\/|\.[jt]s:\d+|FST_[A-Z_]+|\bERR_[A-Z_]{3,}|Failed query|\bselect\b.+\bfrom\b|PGlite|drizzle|RangeError|TypeError|SyntaxError|ReferenceError|ThrottlerException/i;

function isEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  const { status, message } = value as { status?: unknown; message?: unknown };
  return (
    keys.join() === 'data,message,status' &&
    (status === 'success' || status === 'error') &&
    typeof message === 'string'
  );
}

function parsed(answer: RawAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return undefined;
  }
}

function describeExchange(fuzz: FuzzRequest, answer: RawAnswer): string {
  return `${fuzz.method} ${fuzz.target.slice(0, 300)} ${JSON.stringify(fuzz.headers)} body=${String(fuzz.body).slice(0, 300)}\n→ ${answer.status} ${answer.text.slice(0, 500)}`;
}

describe('API fuzz driven by /docs-json', () => {
  let t: TestApp;
  let operations: FuzzOperation[];

  beforeAll(async () => {
    t = await startTestApp({
      config: {
        accounts: [paperAccount()],
        throttle: { trade: { limit: 1_000_000, ttlMs: 1000 } },
      },
    });
    const document = await t.http.get('/docs-json');
    operations = readOperations(document.body).filter(
      (operation) => !NOT_FUZZED.has(`${operation.method} ${operation.path}`),
    );
  });
  afterAll(() => t.close());

  /** What a refused request must leave as it was: orders, keys, risk state and positions. */
  async function storedState(): Promise<string> {
    const reads = ['/orders?limit=1000', '/keys', '/risk?account=paper', '/positions?account=paper'];
    const answers = await Promise.all(reads.map((path) => t.http.get(path).set(...bearer(ADMIN_KEY))));
    // `at` is when the risk view was read, not something stored.
    return JSON.stringify(
      answers.map((answer) => answer.body as unknown),
      (key, value: unknown) => (key === 'at' ? undefined : value),
    );
  }

  it('documents every route the fuzz must reach', () => {
    const routes = operations.map((operation) => `${operation.method} ${operation.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /trade',
        'GET /orders',
        'DELETE /orders/{id}',
        'GET /trades',
        'POST /keys',
      ]),
    );
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it(`answers ${RUNS_PER_ROUTE} hostile requests per route with no 5xx, all enveloped, nothing leaked or lost`, async () => {
    let sent = 0;
    let state = await storedState();
    for (const [index, operation] of operations.entries()) {
      await fc.assert(
        fc.asyncProperty(requestFor(operation, ADMIN_KEY), async (fuzz) => {
          const answer = await sendRaw(t.url, fuzz);
          sent += 1;
          const body = parsed(answer);
          const exchange = describeExchange(fuzz, answer);
          if (answer.status >= 500) throw new Error(`5xx:\n${exchange}`);
          if (answer.status >= 400 && !isEnvelope(body))
            throw new Error(`error outside the envelope:\n${exchange}`);
          if (answer.contentType.startsWith('application/json') && !isEnvelope(body))
            throw new Error(`JSON outside the envelope:\n${exchange}`);
          if (answer.status >= 400 && LEAKS.test(answer.text))
            throw new Error(`leaks internals:\n${exchange}`);
          if (fuzz.method === 'GET') return;
          const after = await storedState();
          if (answer.status >= 400 && after !== state)
            throw new Error(
              `a refused request changed state:\n${exchange}\nbefore ${state}\nafter  ${after}`,
            );
          state = after;
        }),
        { seed: SEED + index, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(operations.length * RUNS_PER_ROUTE);
    expect((await t.http.get('/health')).status).toBe(200);
  }, 600_000);
});
