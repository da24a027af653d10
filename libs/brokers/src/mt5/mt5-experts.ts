import type { Timeframe } from '../domain/index.js';

/** What run_ea starts: an expert on a new chart of a symbol and timeframe, with its inputs. */
export interface Mt5ExpertRequest {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  /** The expert's name as MQL5\Experts holds it compiled (`Moving Average`, `Edgerunner\MyEa`). */
  readonly expert: string;
  readonly inputs?: Readonly<Record<string, string | number | boolean>>;
}

/** An expert run_ea started, known by the chart it runs on. */
export interface Mt5RunningExpert {
  readonly chartId: string;
  readonly expert: string;
  readonly symbol: string;
  readonly timeframe: Timeframe;
}
