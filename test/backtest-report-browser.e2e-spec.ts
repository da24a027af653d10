import { launchTestChromium, browserSpecsRun } from './support/test-chromium.js';
import { openReportPage, openServedReport } from '../src/strategy/report/testing/open-report-page.js';
import { readChartCanvases } from '../src/strategy/report/testing/chart-pixels.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

type Envelope<T> = { data: T };
interface Backtest {
  id: string;
  status: string;
  statistics: { totalReturn: number; trades: number } | null;
  trades?: { total: number };
}

const admin = bearer(ADMIN_KEY);
const describeInBrowser = browserSpecsRun() ? describe : describe.skip;

/**
 * What a newcomer does on the embedded default: the paper account as configured by no more than its
 * name, a backtest over REST on its own history, and the report opened in a real browser.
 */
describeInBrowser('A backtest on the default paper account, its report opened in headless chromium', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { accounts: [{ name: 'paper', broker: 'paper' }] } });
  });
  afterAll(() => t.close());

  it('runs to completion over REST and its report draws every chart with no error', async () => {
    const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const from = new Date(to.getTime() - 20 * 3_600_000);
    const started = await t.http
      .post('/backtest/run')
      .set(...admin)
      .send({
        strategy: 'sma-crossover',
        parameters: { fast: 5, slow: 20 },
        account: 'paper',
        symbols: ['BTCUSDT'],
        timeframe: '5m',
        from: from.toISOString(),
        to: to.toISOString(),
      });
    expect(started.status).toBe(202);
    const id = (started.body as Envelope<Backtest>).data.id;
    let run: Backtest = { id, status: 'queued', statistics: null };
    for (let attempt = 0; attempt < 300 && ['queued', 'running'].includes(run.status); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = ((await t.http.get(`/backtest/${id}`).set(...admin)).body as Envelope<Backtest>).data;
    }
    expect(run.status).toBe('completed');
    expect(run.statistics!.trades).toBeGreaterThan(0);

    const report = await t.http.get(`/backtest/${id}/report`).set(...admin);
    expect(report.status).toBe(200);
    const browser = await launchTestChromium();
    try {
      const opened = await openReportPage(browser, report.text);
      try {
        for (const chart of ['#equity-chart', '#drawdown-chart', '#price-chart']) {
          const reading = await readChartCanvases(opened.page, chart, [0, 0, 0], 0);
          expect({ chart, drawn: reading.sizedCanvases > 0 && reading.distinctColours > 2 }).toEqual({
            chart,
            drawn: true,
          });
        }
        const markers = await opened.page.locator('#price-chart').getAttribute('data-markers');
        // An entry marker per trade and an exit marker per closed one.
        expect(Number(markers)).toBeGreaterThanOrEqual(2 * run.statistics!.trades);
        const totalReturn = await opened.page.locator('tr[data-statistic="totalReturn"] td').textContent();
        expect(totalReturn).toBe(`${(run.statistics!.totalReturn * 100).toFixed(2)}%`);
        expect(opened.errors).toEqual([]);
        expect(opened.outgoingRequests).toEqual([]);
      } finally {
        await opened.close();
      }
      // Served, the page is under the response's Content-Security-Policy too, not only its <meta> one.
      const served = await openServedReport(browser, `${t.url}/backtest/${id}/report`, {
        Authorization: admin[1],
      });
      try {
        const reading = await readChartCanvases(served.page, '#price-chart', [0, 0, 0], 0);
        expect(reading.sizedCanvases > 0 && reading.distinctColours > 2).toBe(true);
        expect(served.errors).toEqual([]);
        expect(served.outgoingRequests).toEqual([]);
      } finally {
        await served.close();
      }
    } finally {
      await browser.close();
    }
  });
});
