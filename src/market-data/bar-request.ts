/**
 * Which bars a backtest runs on. Times bound the bars' open times, both inclusive.
 * - `account`: a configured account's broker history, cached in the database as it is first read.
 * - `dataset`: an uploaded file; without `from`/`to`, all of it.
 */
export type BarRequest =
  | {
      readonly kind: 'account';
      readonly account: string;
      readonly symbol: string;
      readonly timeframe: string;
      readonly from: Date;
      readonly to: Date;
    }
  | { readonly kind: 'dataset'; readonly datasetId: string; readonly from?: Date; readonly to?: Date };
