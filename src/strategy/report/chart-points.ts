/** The points the page hands to lightweight-charts; `time` is UTCTimestamp seconds, strictly increasing. */
export interface LinePoint {
  readonly time: number;
  readonly value: number;
}

export interface CandlePoint {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/**
 * Above this many points per series the page gets heavy (a 150,000-point run inlines megabytes of JSON
 * and lightweight-charts draws far more points than the chart has pixels), so longer series are reduced.
 */
export const MAX_CHART_POINTS = 20_000;
