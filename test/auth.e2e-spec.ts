import { createHmac } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

describe('API keys and scopes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['read', 'GET', '/positions', 200],
    ['read', 'POST', '/trade', 403],
    ['read', 'GET', '/keys', 403],
    ['trade', 'GET', '/positions', 200],
    ['trade', 'GET', '/keys', 403],
    ['trade', 'POST', '/broker/connect', 403],
    ['admin', 'GET', '/keys', 200],
    ['admin', 'POST', '/broker/connect', 200],
  ])('a %s key on %s %s gets %i', async (scope, method, path, expected) => {
    const key = await t.createKey([scope]);
    const call = method === 'GET' ? t.http.get(path) : t.http.post(path).send({});
    const response = await call.set(...bearer(key));
    if (expected === 403) {
      expect(response.body).toEqual(
        expect.objectContaining({ status: 'error', message: expect.stringMatching(/scope/) }),
      );
    }
    expect(response.status).toBe(expected);
  });

  it('lets a trade key place an order', async () => {
    const key = await t.createKey(['trade']);
    const response = await t.http
      .post('/trade')
      .set(...bearer(key))
      .send({ symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.001', price: '1000' });
    expect(response.status).toBe(201);
  });

  it('refuses a malformed Authorization header and an unknown key with 401', async () => {
    for (const header of ['Basic abc', 'Bearer', `Bearer ${ADMIN_KEY}x`]) {
      const response = await t.http.get('/accounts').set('Authorization', header);
      expect(response.status).toBe(401);
      expect(response.body.status).toBe('error');
    }
  });

  it('creates a key shown once, lists keys without secrets, and revokes one at once', async () => {
    const created = await t.http
      .post('/keys')
      .set(...bearer(ADMIN_KEY))
      .send({ name: 'ui', scopes: ['read'] });
    expect(created.status).toBe(201);
    const { id, key } = created.body.data as { id: string; key: string };
    expect(key).toMatch(/^er_[A-Za-z0-9_-]{40,}$/);

    const listed = await t.http.get('/keys').set(...bearer(ADMIN_KEY));
    expect(listed.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, name: 'ui', scopes: ['read'] })]),
    );
    expect(listed.text).not.toContain(key);
    expect(listed.text).not.toContain('hash');

    // Only HMACs keyed by the data directory's pepper (its owner's alone) are stored: no file of the
    // data directory (the embedded database included) holds a key.
    const pepperFile = join(t.dataDir, 'api-key.pepper');
    expect((await stat(pepperFile)).mode & 0o777).toBe(0o600);
    const pepper = (await readFile(pepperFile, 'utf8')).trim();
    const files = await readdir(t.dataDir, { recursive: true, withFileTypes: true });
    let hashSeen = false;
    for (const file of files.filter((entry) => entry.isFile())) {
      const bytes = await readFile(join(file.parentPath, file.name));
      expect(bytes.includes(key)).toBe(false);
      expect(bytes.includes(ADMIN_KEY)).toBe(false);
      hashSeen ||= bytes.includes(createHmac('sha256', pepper).update(key).digest('hex'));
    }
    expect(hashSeen).toBe(true); // the search did reach the stored rows

    await t.http
      .get('/accounts')
      .set(...bearer(key))
      .expect(200);
    const revoked = await t.http.delete(`/keys/${id}`).set(...bearer(ADMIN_KEY));
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revokedAt).toEqual(expect.any(String));
    await t.http
      .get('/accounts')
      .set(...bearer(key))
      .expect(401);
  });

  it('refuses a key with an unknown scope, naming the field', async () => {
    const response = await t.http
      .post('/keys')
      .set(...bearer(ADMIN_KEY))
      .send({ name: 'x', scopes: ['root'] });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/scopes/);
  });

  it('answers 404 for revoking an unknown key', async () => {
    const response = await t.http.delete('/keys/key_nope').set(...bearer(ADMIN_KEY));
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ status: 'error', data: null, message: 'API key key_nope not found' });
  });
});
