import type { Response } from 'supertest';
import { StreamClient } from './support/stream-client.js';
import { browserSpecsRun, launchTestChromium } from './support/test-chromium.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const admin = bearer(ADMIN_KEY);
const DESK = 'https://desk.example.com';
const OTHER = 'https://elsewhere.example.net';
const BODY_LIMIT_BYTES = 1024 * 1024;
const API_POLICY = "default-src 'none';frame-ancestors 'none'";
const DOCS_POLICY =
  "default-src 'none';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;" +
  "connect-src 'self';base-uri 'none';form-action 'none';frame-ancestors 'none'";
const itInBrowser = browserSpecsRun() ? it : it.skip;

function expectSecurityHeaders(response: Response, policy = API_POLICY): void {
  expect(response.headers).toEqual(
    expect.objectContaining({
      'content-security-policy': policy,
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    }),
  );
  expect(response.headers['x-powered-by']).toBeUndefined();
}

function expectEnvelope(response: Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(Object.keys(response.body as object).sort()).toEqual(['data', 'message', 'status']);
}

/** Every Access-Control-* header of `response`. */
function corsHeaders(response: Response): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(response.headers as Record<string, unknown>).filter(([name]) =>
      name.startsWith('access-control-'),
    ),
  );
}

function preflight(t: TestApp, origin: string): Promise<Response> {
  return t.http
    .options('/trade')
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'authorization, content-type, x-edgerunner-api-version');
}

/** A JSON body of exactly `bytes` bytes. */
function jsonBodyOf(bytes: number): string {
  const frame = '{"note":""}';
  return `{"note":"${'x'.repeat(bytes - frame.length)}"}`;
}

describe('Security headers and request limits, on the default config (CORS off)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends the security headers and a policy that allows nothing with a JSON answer', async () => {
    const accounts = await t.http.get('/accounts').set(...admin);
    expectEnvelope(accounts, 200);
    expectSecurityHeaders(accounts);
    expectSecurityHeaders(await t.http.get('/health'));
  });

  it('sends them with errors too: no key, no route, malformed JSON', async () => {
    const unauthenticated = await t.http.get('/accounts');
    expectEnvelope(unauthenticated, 401);
    expectSecurityHeaders(unauthenticated);
    const missing = await t.http.get('/no-such-route').set(...admin);
    expectEnvelope(missing, 404);
    expectSecurityHeaders(missing);
    const malformed = await t.http
      .post('/trade')
      .set(...admin)
      .set('Content-Type', 'application/json')
      .send('{"symbol":');
    expectEnvelope(malformed, 400);
    expectSecurityHeaders(malformed);
  });

  it('answers a cross-origin request with no CORS header and leaves its preflight unanswered', async () => {
    const read = await t.http
      .get('/accounts')
      .set(...admin)
      .set('Origin', DESK);
    expect(read.status).toBe(200);
    expect(corsHeaders(read)).toEqual({});
    const asked = await preflight(t, DESK);
    expectEnvelope(asked, 404);
    expect(corsHeaders(asked)).toEqual({});
  });

  it('serves Swagger UI under a policy that allows its own assets and no inline script', async () => {
    const page = await t.http.get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectSecurityHeaders(page, DOCS_POLICY);
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    // script-src 'self' runs no inline script: every script of the page must be a file.
    expect(scripts.map(([, attributes, body]) => [/\bsrc=/.test(attributes!), body!.trim()])).toEqual(
      scripts.map(() => [true, '']),
    );
    const assets = [...page.text.matchAll(/(?:src|href)=["']([^"']+\.(?:js|css))["']/g)].map(
      ([, reference]) => new URL(reference!, `${t.url}/docs`),
    );
    expect(assets.map((asset) => asset.pathname.split('/').pop()).sort()).toEqual([
      'swagger-ui-bundle.js',
      'swagger-ui-init.js',
      'swagger-ui-standalone-preset.js',
      'swagger-ui.css',
    ]);
    for (const asset of assets) {
      // Same origin as the page, so 'self' covers it.
      expect(asset.origin).toBe(new URL(t.url).origin);
      const served = await t.http.get(asset.pathname);
      expect({ asset: asset.pathname, status: served.status }).toEqual({
        asset: asset.pathname,
        status: 200,
      });
      expect(served.headers['content-type']).toMatch(/^(application\/javascript|text\/css)/);
      expectSecurityHeaders(served, DOCS_POLICY);
    }
    expectSecurityHeaders(await t.http.get('/docs-json'));
  });

  itInBrowser('renders Swagger UI in chromium with no policy violation, "Try it out" included', async () => {
    const browser = await launchTestChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${t.url}/docs`, { waitUntil: 'load' });
      await page.waitForSelector('.swagger-ui .info .title', { timeout: 30_000 });
      expect(await page.locator('.swagger-ui .info .title').textContent()).toMatch(/^Edgerunner/);
      const liveness = page.locator('[id^="operations-health-HealthController_liveness"]');
      await liveness.locator('.opblock-summary').click();
      await liveness.locator('.try-out__btn').click();
      await liveness.locator('.execute').click();
      const status = liveness.locator('.live-responses-table .response .response-col_status');
      await status.first().waitFor({ timeout: 10_000 });
      expect((await status.first().textContent())?.trim()).toBe('200');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('refuses a body over 1 MiB with 413 in the envelope, and takes one of exactly 1 MiB', async () => {
    const post = (body: string) =>
      t.http
        .post('/trade')
        .set(...admin)
        .set('Content-Type', 'application/json')
        .send(body);
    const over = await post(jsonBodyOf(BODY_LIMIT_BYTES + 1));
    expectEnvelope(over, 413);
    expect(over.body).toEqual({ status: 'error', data: null, message: expect.stringMatching(/too large/i) });
    expect(over.headers['x-request-id']).toEqual(expect.any(String));
    expectSecurityHeaders(over);
    // Read whole and refused by validation instead: the limit is the body's size, not a little less.
    expectEnvelope(await post(jsonBodyOf(BODY_LIMIT_BYTES)), 400);
  });

  it('keeps /ws/broker working, and its polling transport sends no CORS header', async () => {
    const client = await StreamClient.connect(t.url, ADMIN_KEY);
    try {
      const ack = await client.request('subscribe', { channels: ['account'] });
      expect(ack.status).toBe('success');
    } finally {
      client.socket.close();
    }
    const polling = await t.http.get('/socket.io/?EIO=4&transport=polling').set('Origin', DESK);
    expect(polling.status).toBe(200);
    expect(corsHeaders(polling)).toEqual({});
  });
});

describe('CORS with http.cors.origins configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      config: {
        accounts: [paperAccount()],
        http: { cors: { origins: [DESK, 'http://localhost:5173'], credentials: true, maxAgeSeconds: 120 } },
      },
    });
  });
  afterAll(() => t.close());

  it('lets a listed origin read answers, errors included, and the headers a page needs', async () => {
    for (const response of [
      await t.http
        .get('/accounts')
        .set(...admin)
        .set('Origin', DESK),
      await t.http.get('/accounts').set('Origin', DESK),
    ]) {
      expect(corsHeaders(response)).toEqual({
        'access-control-allow-origin': DESK,
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': expect.stringMatching(/X-Request-Id.*X-Edgerunner-API-Version/),
      });
      expect(response.headers['vary']).toMatch(/Origin/);
      expectSecurityHeaders(response);
    }
    const other = await t.http.get('/health').set('Origin', 'http://localhost:5173');
    expect(other.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it("answers a listed origin's preflight with the methods and headers the API takes", async () => {
    const asked = await preflight(t, DESK);
    expect(asked.status).toBe(204);
    const headers = corsHeaders(asked);
    expect(headers['access-control-allow-origin']).toBe(DESK);
    expect(String(headers['access-control-allow-methods']).split(', ')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'DELETE']),
    );
    expect(String(headers['access-control-allow-headers']).split(', ')).toEqual(
      expect.arrayContaining(['Authorization', 'Content-Type', 'X-Request-Id', 'X-Edgerunner-API-Version']),
    );
    expect(headers['access-control-max-age']).toBe('120');
  });

  it('gives an origin not listed no CORS header at all, and its preflight finds no route', async () => {
    const read = await t.http
      .get('/accounts')
      .set(...admin)
      .set('Origin', OTHER);
    expect(read.status).toBe(200);
    expect(corsHeaders(read)).toEqual({});
    const asked = await preflight(t, OTHER);
    expectEnvelope(asked, 404);
    expect(corsHeaders(asked)).toEqual({});
    // No Origin: not a browser's cross-origin call.
    expect(corsHeaders(await t.http.get('/health'))).toEqual({});
  });

  it("applies the same origins to Socket.IO's polling transport", async () => {
    const listed = await t.http.get('/socket.io/?EIO=4&transport=polling').set('Origin', DESK);
    expect(listed.status).toBe(200);
    expect(listed.headers['access-control-allow-origin']).toBe(DESK);
    expect(listed.headers['access-control-allow-credentials']).toBe('true');
    const other = await t.http.get('/socket.io/?EIO=4&transport=polling').set('Origin', OTHER);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS open to any origin ("*", without credentials)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { accounts: [paperAccount()], http: { cors: { origins: ['*'] } } } });
  });
  afterAll(() => t.close());

  it('answers every origin with "*" and no credentials, and a request with no Origin with nothing', async () => {
    for (const origin of [DESK, OTHER]) {
      const read = await t.http.get('/health').set('Origin', origin);
      expect(read.headers['access-control-allow-origin']).toBe('*');
      expect(read.headers['access-control-allow-credentials']).toBeUndefined();
      expect((await preflight(t, origin)).status).toBe(204);
    }
    expect(corsHeaders(await t.http.get('/health'))).toEqual({});
  });
});
