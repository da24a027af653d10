import { lightweightChartsStandalone } from './lightweight-charts-source.js';
import { reportPageScript } from './report-page-script.js';

/**
 * The page may run only its two inline scripts (by hash) and load nothing: it must work offline, opened
 * from a file, and a string that slipped past escaping still could not run or phone home. This is the
 * form the page carries in its <meta> tag.
 */
export function reportContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src ${lightweightChartsStandalone().cspHash} ${reportPageScript.cspHash}`,
    // lightweight-charts adds a <style> element of its own at run time; a style runs no code.
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The same policy as the server's Content-Security-Policy header for GET /backtest/:id/report, with
 * what a <meta> policy cannot say (browsers ignore frame-ancestors there): the page is never framed.
 */
export function reportContentSecurityPolicyHeader(): string {
  return `${reportContentSecurityPolicy()}; frame-ancestors 'none'`;
}
