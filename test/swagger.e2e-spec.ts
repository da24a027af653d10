import { startTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: { allOf?: unknown[]; $ref?: string } }> }>;
  security?: Record<string, unknown>[];
}
interface OpenApi {
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

const ROUTES = [
  ['get', '/accounts'],
  ['post', '/broker/connect'],
  ['post', '/broker/disconnect'],
  ['get', '/account/summary'],
  ['get', '/positions'],
  ['post', '/trade'],
  ['delete', '/orders/{id}'],
  ['get', '/orders/status'],
  ['get', '/orders/{id}'],
  ['get', '/market/ticker'],
  ['get', '/market/candles'],
  ['get', '/market/instruments'],
  ['get', '/orders'],
  ['get', '/trades'],
  ['get', '/risk'],
  ['post', '/risk/kill-switch'],
  ['get', '/performance'],
  ['get', '/health'],
  ['get', '/health/ready'],
  ['post', '/keys'],
  ['get', '/keys'],
  ['delete', '/keys/{id}'],
] as const;

describe('Swagger', () => {
  let t: TestApp;
  let document: OpenApi;

  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.http.get('/docs-json');
    expect(response.status).toBe(200);
    document = response.body as OpenApi;
  });
  afterAll(() => t.close());

  it.each(ROUTES)('documents %s %s with its data typed inside the envelope', (method, path) => {
    const operation = document.paths[path]?.[method];
    expect(operation).toBeDefined();
    const success = Object.entries(operation?.responses ?? {}).find(([status]) => status.startsWith('2'));
    const schema = success?.[1].content?.['application/json']?.schema;
    expect(schema?.allOf).toEqual([
      { $ref: '#/components/schemas/BaseResponse' },
      { properties: { data: expect.objectContaining({}) } },
    ]);
    expect(operation?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'X-Edgerunner-API-Version', in: 'header' })]),
    );
  });

  it('describes the /ws/broker stream, which OpenAPI has no paths for', () => {
    expect(document.info.description).toMatch(/\/ws\/broker/);
    expect(document.info.description).toMatch(/subscribe.*resync/);
  });

  it('documents bearer auth on every route but health', () => {
    expect(document.components.securitySchemes['api-key']).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    for (const [method, path] of ROUTES) {
      const security = document.paths[path]?.[method]?.security;
      if (path.startsWith('/health')) expect(security).toBeUndefined();
      else expect(security).toEqual([{ 'api-key': [] }]);
    }
  });

  it('defines the schemas the routes reference', () => {
    for (const name of [
      'BaseResponse',
      'OrderView',
      'PlaceOrderDto',
      'PositionView',
      'AccountSummaryView',
      'CandleView',
    ]) {
      expect(document.components.schemas[name]).toBeDefined();
    }
  });

  it("shows every built-in strategy and its parameters' types, defaults and ranges on POST /backtest/run", () => {
    const body = document.components.schemas.RunBacktestDto as {
      properties: { strategy: { enum: string[] }; parameters: { description: string } };
    };
    expect(body.properties.strategy.enum).toEqual([
      'sma-crossover',
      'ema-crossover',
      'rsi-mean-reversion',
      'donchian-breakout',
      'bollinger-reversion',
      'macd-signal-cross',
    ]);
    expect(body.properties.parameters.description).toContain(
      '`sma-crossover`: fast (integer, default 10, 1–1000), slow (integer, default 30, 2–2000), allowShort (boolean, default false)',
    );
  });

  it('serves the Swagger UI at /docs', async () => {
    const response = await t.http.get('/docs').redirects(1);
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/swagger-ui/i);
  });
});
