import { jest } from '@jest/globals';
import { PaperAdapter } from '#brokers';
import { NotFoundError, ValidationFailedError } from '../src/common/errors/app-error.js';
import { MarketDataService } from '../src/market-data/market-data.service.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

interface Envelope<T> {
  status: string;
  data: T;
  message: string;
}
interface DatasetBody {
  id: string;
  name: string;
  symbol: string;
  timeframe: string;
  bars: number;
  firstTime: string;
  lastTime: string;
  createdAt: string;
}
interface Problems {
  problemCount: number;
  problems: { line: number; message: string }[];
}

const HOUR = 3_600_000;
const DAY_CSV = [
  'time,open,high,low,close,volume',
  '2024-01-03T00:00:00Z,101,103,100,102,900',
  '1704153600,100,102,99,101,1000', // 2024-01-02, epoch seconds
  '2024-01-04T00:00:00Z,102,104,101,103.5,800',
].join('\n');

describe('Market data (uploads, datasets, loadBars)', () => {
  let t: TestApp;
  let marketData: MarketDataService;
  let readKey: string;
  let tradeKey: string;

  const upload = (csv: string, query: string, key = tradeKey) =>
    t.http
      .post(`/market-data/upload${query}`)
      .set(...bearer(key))
      .set('Content-Type', 'text/csv')
      .send(csv);
  const listed = async (): Promise<DatasetBody[]> => {
    const response = await t.http.get('/market-data/datasets').set(...bearer(readKey));
    expect(response.status).toBe(200);
    return (response.body as Envelope<{ items: DatasetBody[] }>).data.items;
  };

  beforeAll(async () => {
    // The paper account as a newcomer gets it: no options, so the defaults (its generated history, ticking).
    t = await startTestApp({ config: { accounts: [{ name: 'paper', broker: 'paper' }] } });
    marketData = t.app.get(MarketDataService);
    readKey = await t.createKey(['read']);
    tradeKey = await t.createKey(['trade']);
  });
  afterAll(() => t.close());

  it('stores an uploaded CSV as a dataset, lists it newest first and serves its bars sorted', async () => {
    const response = await upload(DAY_CSV, '?symbol=GOOG&timeframe=1d&name=GOOG%20sample');
    expect(response.status).toBe(201);
    const dataset = (response.body as Envelope<DatasetBody>).data;
    expect(dataset).toEqual({
      id: expect.any(String),
      name: 'GOOG sample',
      symbol: 'GOOG',
      timeframe: '1d',
      bars: 3,
      firstTime: '2024-01-02T00:00:00.000Z',
      lastTime: '2024-01-04T00:00:00.000Z',
      createdAt: expect.any(String),
    });
    const later = (await upload(DAY_CSV, '?symbol=MSFT&timeframe=1d')).body as Envelope<DatasetBody>;
    expect(later.data.name).toBe('MSFT 1d');

    expect((await listed()).map((item) => item.id).slice(0, 2)).toEqual([later.data.id, dataset.id]);
    const fetched = await t.http.get(`/market-data/datasets/${dataset.id}`).set(...bearer(readKey));
    expect((fetched.body as Envelope<DatasetBody>).data).toEqual(dataset);

    const bars = await marketData.loadBars({ kind: 'dataset', datasetId: dataset.id });
    expect(bars.symbol).toBe('GOOG');
    expect(Array.from(bars.time)).toEqual(
      [0, 1, 2].map((day) => Date.parse('2024-01-02T00:00:00Z') + day * 24 * HOUR),
    );
    expect(Array.from(bars.close)).toEqual([101, 102, 103.5]);
    const tail = await marketData.loadBars({
      kind: 'dataset',
      datasetId: dataset.id,
      from: new Date('2024-01-03T00:00:00Z'),
    });
    expect(tail.length).toBe(2);
  });

  it('refuses a CSV with a bad line, naming the line, and stores nothing', async () => {
    const before = await listed();
    const csv = DAY_CSV + '\n2024-01-05T00:00:00Z,105,104,106,105,1\n2024-01-06T12:00:00Z,1,1,1,1,1';
    const response = await upload(csv, '?symbol=GOOG&timeframe=1d');
    expect(response.status).toBe(400);
    const body = response.body as Envelope<Problems>;
    expect(body.message).toBe('The CSV has 2 bad lines; nothing was stored');
    expect(body.data).toEqual({
      problemCount: 2,
      problems: [
        { line: 5, message: 'high 104 is below low 106' },
        { line: 6, message: 'time 2024-01-06T12:00:00.000Z is not the open of a 1d bar (UTC)' },
      ],
    });
    expect(await listed()).toEqual(before);
  });

  it('refuses a body that is not text/csv and a timeframe it cannot read', async () => {
    const json = await t.http
      .post('/market-data/upload?symbol=GOOG&timeframe=1d')
      .set(...bearer(tradeKey))
      .send({ csv: DAY_CSV });
    expect(json.status).toBe(400);
    expect((json.body as Envelope<null>).message).toMatch(/text\/csv/);
    expect((await upload(DAY_CSV, '?symbol=GOOG&timeframe=1mo')).status).toBe(400);
  });

  it('takes a file past the 1 MB JSON body limit', async () => {
    const start = Date.parse('2024-01-01T00:00:00Z');
    const rows = Array.from({ length: 40_000 }, (_, n) => `${start + n * 60_000},100,101,99,100.5,12`);
    const csv = ['time,open,high,low,close,volume', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const response = await upload(csv, '?symbol=BTCUSDT&timeframe=1m');
    expect(response.status).toBe(201);
    expect((response.body as Envelope<DatasetBody>).data.bars).toBe(40_000);
  });

  it('documents the upload as a text/csv body in the OpenAPI document', async () => {
    const response = await t.http.get('/docs-json');
    const upload = (
      response.body as {
        paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
      }
    ).paths['/market-data/upload']?.post;
    expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(['text/csv']);
  });

  it('answers 404 for an unknown dataset and deletes one with its bars', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.http.get(`/market-data/datasets/${unknown}`).set(...bearer(readKey))).status).toBe(404);
    expect((await t.http.delete(`/market-data/datasets/${unknown}`).set(...bearer(tradeKey))).status).toBe(
      404,
    );
    await expect(marketData.loadBars({ kind: 'dataset', datasetId: unknown })).rejects.toThrow(NotFoundError);

    const created = (await upload(DAY_CSV, '?symbol=AAPL&timeframe=1d')).body as Envelope<DatasetBody>;
    const deleted = await t.http.delete(`/market-data/datasets/${created.data.id}`).set(...bearer(tradeKey));
    expect(deleted.status).toBe(200);
    expect((deleted.body as Envelope<DatasetBody>).data.id).toBe(created.data.id);
    expect(
      (await t.http.get(`/market-data/datasets/${created.data.id}`).set(...bearer(readKey))).status,
    ).toBe(404);
    expect((await listed()).map((item) => item.id)).not.toContain(created.data.id);
  });

  it('needs the trade scope to upload or delete, read to list', async () => {
    expect((await upload(DAY_CSV, '?symbol=GOOG&timeframe=1d', readKey)).status).toBe(403);
    const [any] = await listed();
    expect((await t.http.delete(`/market-data/datasets/${any?.id}`).set(...bearer(readKey))).status).toBe(
      403,
    );
    expect((await t.http.get('/market-data/datasets').set(...bearer(ADMIN_KEY))).status).toBe(200);
    expect((await t.http.get('/market-data/datasets')).status).toBe(401);
  });

  it("backtests straight away on the default paper account's history, read from the table the second time", async () => {
    // On the class: the registry hands out the adapter behind an instrumenting proxy.
    const calls = jest.spyOn(PaperAdapter.prototype, 'getCandles');
    const currentHour = Math.floor(Date.now() / HOUR) * HOUR;
    const request = {
      kind: 'account' as const,
      account: 'paper',
      symbol: 'BTCUSDT',
      timeframe: '1h',
      from: new Date(currentHour - 7 * 24 * HOUR),
      // The last closed hour: every bar of the range is final, so all of it is cached.
      to: new Date(currentHour - 1),
    };
    const first = await marketData.loadBars(request);
    // The paper account generates 1440 minutes of history by default: a day of hourly bars out of the 7.
    expect(first.length).toBeGreaterThanOrEqual(23);
    expect(first.time.at(-1)).toBe(currentHour - HOUR);
    expect(calls).toHaveBeenCalled();

    calls.mockClear();
    const second = await marketData.loadBars(request);
    expect(calls).not.toHaveBeenCalled();
    expect(Array.from(second.close)).toEqual(Array.from(first.close));

    // Up to now: the forming hour is fetched and returned, the rest still comes from the table.
    const toNow = await marketData.loadBars({ ...request, to: new Date() });
    expect(toNow.time.at(-1)).toBe(Math.floor(Date.now() / HOUR) * HOUR);
    expect(calls.mock.calls.every(([, , from]) => from.getTime() > Date.now() - 2 * HOUR)).toBe(true);
    calls.mockRestore();
  });

  it('refuses an unknown account and a timeframe the paper broker does not serve', async () => {
    const request = {
      kind: 'account' as const,
      symbol: 'BTCUSDT',
      from: new Date(Date.now() - HOUR),
      to: new Date(),
    };
    await expect(marketData.loadBars({ ...request, account: 'nope', timeframe: '1h' })).rejects.toThrow(
      NotFoundError,
    );
    const wrong = marketData.loadBars({ ...request, account: 'paper', timeframe: '2h' });
    await expect(wrong).rejects.toThrow(ValidationFailedError);
    await expect(wrong).rejects.toThrow(/timeframe "2h"/);
  });
});
