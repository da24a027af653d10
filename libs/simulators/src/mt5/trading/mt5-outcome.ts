import type Big from 'big.js';
import type { Mt5Quote } from '../market/mt5-market.js';

/** What an order_send action came to: its retcode and, on success, the deal or order it made. */
export interface Mt5Outcome {
  readonly retcode: number;
  readonly deal?: string;
  readonly order?: string;
  readonly volume?: Big;
  readonly price?: Big;
  /** The prices MqlTradeResult carries (a requote's new prices). */
  readonly quote?: Mt5Quote;
}

export function refused(retcode: number, quote?: Mt5Quote): Mt5Outcome {
  return { retcode, quote };
}

/** The first refusal of a list of checks, run in MT5's order; undefined when all pass. */
export function firstRefusal(...checks: (() => number | undefined)[]): number | undefined {
  for (const check of checks) {
    const retcode = check();
    if (retcode !== undefined) return retcode;
  }
  return undefined;
}
