import { Injectable } from '@nestjs/common';

import type { BacktestReportData } from './backtest-report-data.js';
import { renderBacktestReport } from './render-backtest-report.js';

/** renderBacktestReport as an injectable, for the StrategyModule's controllers to serve the page. */
@Injectable()
export class BacktestReportRenderer {
  /** The report as one self-contained HTML document, to send as text/html or save as a file. */
  render(data: BacktestReportData): string {
    return renderBacktestReport(data);
  }
}
