import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

describe('GET /metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('needs a key, and answers in the envelope when there is none', async () => {
    const response = await app.http.get('/metrics');
    expect(response.status).toBe(401);
    expect(response.body.status).toBe('error');
  });

  it('serves Prometheus text: requests by route pattern, broker calls, order changes, connections', async () => {
    const readKey = await app.createKey(['read']);
    await app.http.get('/positions').set(...bearer(readKey));
    const placed = await app.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({ symbol: 'ETHUSDT', side: 'buy', type: 'market', quantity: '0.01' });
    await app.http.get(`/orders/${placed.body.data.id}`).set(...bearer(readKey));
    const response = await app.http.get('/metrics').set(...bearer(readKey));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toMatch(
      /edgerunner_http_request_duration_seconds_count\{method="GET",route="\/positions",status="200"\} 1/,
    );
    // One series per route pattern, not per order id.
    expect(text).toContain('route="/orders/:id"');
    expect(text).not.toContain(placed.body.data.id as string);
    expect(text).toMatch(
      /edgerunner_broker_call_duration_seconds_count\{broker="paper",account="paper",method="placeOrder",outcome="ok",error_code=""\} 1/,
    );
    expect(text).toMatch(/edgerunner_order_changes_total\{account="paper",status="filled"\} 1/);
    expect(text).toMatch(
      /edgerunner_broker_connected\{account="paper",broker="paper",status="connected"\} 1/,
    );
    expect(text).toMatch(/edgerunner_process_resident_memory_bytes \d+/);
  });
});
