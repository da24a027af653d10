import { IsInt, IsNumber, Max, Min } from 'class-validator';

/** How live state is kept: what is polled, how often, and how often equity is recorded. */
export class SyncConfig {
  /** Account summary, positions and open orders are read from each broker this often (ms). */
  @IsInt()
  @Min(100)
  pollIntervalMs = 5000;

  /** An equity snapshot is stored this often (ms), and after every fill. */
  @IsInt()
  @Min(1000)
  equitySnapshotIntervalMs = 60_000;

  /** PnL marked to the price feed is published at most this often per account (ms). */
  @IsInt()
  @Min(10)
  pnlIntervalMs = 250;

  /** Periods per year for annualizing Sharpe and Sortino of daily returns (365 for crypto, 252 for stocks). */
  @IsInt()
  @Min(1)
  @Max(366)
  periodsPerYear = 365;
}

/** The /ws/broker stream. */
export class StreamConfig {
  /** Quotes per symbol a subscriber receives at most each second; faster feeds are coalesced. */
  @IsNumber()
  @Min(0.1)
  @Max(1000)
  pricesMaxHz = 10;

  /** Orders in the `orders` snapshot beside the open ones: the most recently updated. */
  @IsInt()
  @Min(0)
  @Max(1000)
  recentOrders = 50;
}
