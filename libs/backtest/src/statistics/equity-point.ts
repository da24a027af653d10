/** Account value at one instant: the input of every statistic here. */
export interface EquityPoint {
  /** Milliseconds since the epoch, UTC. */
  readonly time: number;
  readonly equity: number;
}
