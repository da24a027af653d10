import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser, Page } from 'playwright-core';

/** A report opened in a browser, from a saved file or from the server. */
export interface OpenedReport {
  readonly page: Page;
  /** Problems the page reported: console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Every request other than the report itself. */
  readonly outgoingRequests: string[];
  /** Messages of alert/confirm/prompt dialogs the page opened. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

/** A report opened the way a person opens a saved one: written to a file and loaded from file://. */
export async function openReportPage(browser: Browser, html: string): Promise<OpenedReport> {
  const folder = await mkdtemp(join(tmpdir(), 'backtest-report-'));
  const file = join(folder, 'report.html');
  await writeFile(file, html, 'utf8');
  return openInBrowser(browser, pathToFileURL(file).href, {}, () =>
    rm(folder, { recursive: true, force: true }),
  );
}

/**
 * A report opened from the server (GET /backtest/:id/report with `headers`), so the browser enforces
 * the response's own headers (its Content-Security-Policy) as well as the page's <meta> policy.
 */
export function openServedReport(
  browser: Browser,
  url: string,
  headers: Record<string, string>,
): Promise<OpenedReport> {
  return openInBrowser(browser, url, headers, () => Promise.resolve());
}

async function openInBrowser(
  browser: Browser,
  reportUrl: string,
  headers: Record<string, string>,
  cleanUp: () => Promise<void>,
): Promise<OpenedReport> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: headers,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const outgoingRequests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== reportUrl) outgoingRequests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Anything but the report itself is recorded above and refused here: nothing may leave.
  await context.route('**/*', (route) =>
    route.request().url() === reportUrl ? route.continue() : route.abort(),
  );

  await page.goto(reportUrl, { waitUntil: 'load' });
  await page.waitForSelector('body[data-charts-ready="true"]', { timeout: 30_000 });
  return {
    page,
    errors,
    outgoingRequests,
    dialogs,
    close: async () => {
      await context.close();
      await cleanUp();
    },
  };
}
