import type { Browser } from 'playwright-core';

import { renderBacktestReport } from './render-backtest-report.js';
import { readChartCanvases } from './testing/chart-pixels.js';
import { FIXTURE_MARKER_COUNT, FIXTURE_TRADES, makeReportData } from './testing/backtest-report-fixture.js';
import { openReportPage, type OpenedReport } from './testing/open-report-page.js';
import { browserSpecsRun, launchTestChromium } from '../../../test/support/test-chromium.js';

const GREEN: [number, number, number] = [22, 163, 74];
const RED: [number, number, number] = [220, 38, 38];

/** What the specs read in the page (the project compiles without the DOM library). */
interface ReportWindow {
  readonly document: {
    querySelectorAll(selector: string): { readonly length: number };
    getElementById(id: string): { readonly textContent: string } | null;
  };
  readonly backtestReport: {
    readonly tradeMarkers: { markers(): { position: string; shape: string; text: string }[] };
  };
}

const describeInBrowser = browserSpecsRun() ? describe : describe.skip;

describeInBrowser('the backtest report in headless chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchTestChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('a 300-day run with four trades, opened from a file', () => {
    let report: OpenedReport;
    beforeAll(async () => {
      report = await openReportPage(browser, renderBacktestReport(makeReportData(300)));
    });
    afterAll(async () => {
      await report?.close();
    });

    it('loads without a console error, a page error or any request leaving the page', () => {
      expect(report.errors).toEqual([]);
      expect(report.outgoingRequests).toEqual([]);
    });

    it('shows the strategy, its parameters, the symbol, the timeframe and the range', async () => {
      const { page } = report;
      expect(await page.locator('h1').textContent()).toBe('SMA crossover');
      const summary = await page.locator('.summary dl').innerText();
      expect(summary).toContain('fast = 10');
      expect(summary).toContain('slow = 30');
      expect(summary).toContain('source = close');
      expect(summary).toContain('GOOG');
      expect(summary).toContain('1d');
      expect(summary).toContain('2023-01-02 00:00 → 2023-10-28 00:00 UTC');
      expect(await page.title()).toBe('SMA crossover · GOOG 1d · backtest bt_01HZX3');
    });

    it.each([
      ['equity', '#equity-chart', GREEN],
      ['drawdown', '#drawdown-chart', RED],
      ['price', '#price-chart', GREEN],
    ] as const)('draws the %s chart', async (_name, selector, seriesColour) => {
      const { page } = report;
      // lightweight-charts paints on animation frames: wait until the series' colour is on the canvas.
      await page.waitForFunction(
        (selector) =>
          (globalThis as unknown as ReportWindow).document.querySelectorAll(`${selector} canvas`).length > 0,
        selector,
      );
      let reading = await readChartCanvases(page, selector, seriesColour);
      for (let attempt = 0; attempt < 20 && reading.seriesColourPixels < 50; attempt++) {
        await page.waitForTimeout(100);
        reading = await readChartCanvases(page, selector, seriesColour);
      }
      expect(reading.sizedCanvases).toBeGreaterThan(0);
      expect(reading.distinctColours).toBeGreaterThan(2);
      expect(reading.seriesColourPixels).toBeGreaterThan(50);
    });

    it('puts an entry marker on every trade and an exit marker on every closed one', async () => {
      const { page } = report;
      const markers = await page.evaluate(() =>
        (globalThis as unknown as ReportWindow).backtestReport.tradeMarkers.markers(),
      );
      expect(markers).toHaveLength(FIXTURE_MARKER_COUNT);
      expect(await page.locator('#price-chart').getAttribute('data-markers')).toBe(
        String(FIXTURE_MARKER_COUNT),
      );
      // The first trade is a long: a buy arrow below the bar, then a sell arrow above it carrying the pnl.
      expect(markers[0]).toMatchObject({ position: 'belowBar', shape: 'arrowUp', text: 'Long' });
      expect(markers[1]).toMatchObject({ position: 'aboveBar', shape: 'arrowDown', text: '+830.25' });
      // The short opens with a sell above the bar and closes with a buy below it.
      expect(markers[2]).toMatchObject({ position: 'aboveBar', shape: 'arrowDown', text: 'Short' });
      expect(markers[3]).toMatchObject({ position: 'belowBar', shape: 'arrowUp', text: '-301.80' });
    });

    it('shows the statistics formatted, a missing one as a dash', async () => {
      const { page } = report;
      const value = (key: string) => page.locator(`tr[data-statistic="${key}"] td`).textContent();
      expect(await value('totalReturn')).toBe('12.35%');
      expect(await value('finalEquity')).toBe('11,234.56');
      expect(await value('maxDrawdown')).toBe('6.88%');
      expect(await value('sharpe')).toBe('0.87');
      expect(await value('profitFactor')).toBe('—');
      expect(await value('maxDrawdownDurationMs')).toBe('41 d 6 h (41 bars)');
    });

    it('lists one row per trade, the open one marked as such', async () => {
      const { page } = report;
      const rows = page.locator('table.trades tbody tr');
      expect(await rows.count()).toBe(FIXTURE_TRADES.length);
      expect(await rows.nth(0).innerText()).toContain('2023-01-22 00:00');
      expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe('Short');
      expect(await rows.nth(3).innerText()).toContain('open at end');
      expect(await page.locator('#downsampling-note').count()).toBe(0);
    });
  });

  it('renders a hostile strategy name and parameters as text and runs none of them', async () => {
    const hostile = '</script><script>alert(1)</script>';
    const data = makeReportData(60, {
      strategy: hostile,
      symbol: '"><svg onload=alert(2)>',
      parameters: { '<img src=x onerror=alert(3)>': `${hostile}\u2028&amp;` },
    });
    const report = await openReportPage(browser, renderBacktestReport(data));
    try {
      const { page } = report;
      expect(report.dialogs).toEqual([]);
      expect(report.errors).toEqual([]);
      expect(report.outgoingRequests).toEqual([]);
      expect(await page.locator('h1').textContent()).toBe(hostile);
      expect(await page.locator('.parameters').textContent()).toBe(
        `<img src=x onerror=alert(3)> = ${hostile}\u2028&amp;`,
      );
      // Only the page's own three scripts exist, and none of the injected elements.
      expect(await page.locator('script').count()).toBe(3);
      expect(await page.locator('img, [onerror], [onload]').count()).toBe(0);
      const embedded = await page.evaluate(
        () =>
          JSON.parse(
            (globalThis as unknown as ReportWindow).document.getElementById('report-data')!.textContent,
          ) as {
            run: unknown;
          },
      );
      expect(embedded.run).toMatchObject({
        strategy: hostile,
        symbol: data.symbol,
        parameters: data.parameters,
      });
    } finally {
      await report.close();
    }
  });

  it('reduces a 150,000-bar run, says so, and still draws it', async () => {
    const report = await openReportPage(browser, renderBacktestReport(makeReportData(150_000)));
    try {
      const { page } = report;
      expect(report.errors).toEqual([]);
      const note = await page.locator('#downsampling-note').innerText();
      expect(note).toContain('150,000 points');
      expect(note).toContain('merges every 8 bars into one candle');
      expect(Number(await page.locator('#equity-chart').getAttribute('data-points'))).toBeLessThanOrEqual(
        20_000,
      );
      expect(Number(await page.locator('#price-chart').getAttribute('data-candles'))).toBeLessThanOrEqual(
        20_000,
      );
      await page.waitForTimeout(300);
      expect((await readChartCanvases(page, '#equity-chart', GREEN)).seriesColourPixels).toBeGreaterThan(50);
    } finally {
      await report.close();
    }
  });
});
