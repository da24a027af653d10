/** An uploaded dataset as stored and as the API answers; times are UTC ISO 8601. */
export interface DatasetRecord {
  readonly id: string;
  readonly name: string;
  readonly symbol: string;
  readonly timeframe: string;
  readonly bars: number;
  /** Open times of its first and last bar. */
  readonly firstTime: string;
  readonly lastTime: string;
  readonly createdAt: string;
}
