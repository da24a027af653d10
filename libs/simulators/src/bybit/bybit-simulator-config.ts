/** The product types the simulator trades: USDT perpetuals and spot pairs of one unified account. */
export const BYBIT_CATEGORIES = ['linear', 'spot'] as const;
export type BybitCategory = (typeof BYBIT_CATEGORIES)[number];

/**
 * One instrument, with the trading rules `/v5/market/instruments-info` publishes for its category and
 * the price feed behind it. Decimals are strings, as Bybit sends them.
 */
export interface BybitInstrumentConfig {
  readonly category: BybitCategory;
  readonly symbol: string;
  readonly baseCoin: string;
  readonly quoteCoin: string;
  readonly tickSize: string;
  /** Linear `lotSizeFilter.qtyStep`; spot `lotSizeFilter.basePrecision`. */
  readonly qtyStep: string;
  /** Smallest order quantity (linear); spot publishes it but, per the docs, no longer checks it. */
  readonly minOrderQty: string;
  /** Largest Limit order quantity: linear `maxOrderQty`, spot `maxLimitOrderQty`. */
  readonly maxOrderQty: string;
  /** Largest Market order quantity: linear `maxMktOrderQty`, spot `maxMarketOrderQty`. */
  readonly maxMktOrderQty: string;
  /** Smallest order value in the quote coin: linear `minNotionalValue`, spot `minOrderAmt`. */
  readonly minNotionalValue: string;
  /** Linear `priceFilter.minPrice` / `maxPrice`; spot has no price bounds. */
  readonly minPrice?: string;
  readonly maxPrice?: string;
  /** Spot `lotSizeFilter.quotePrecision`: the step of a market Buy's quote-coin amount. */
  readonly quotePrecision?: string;
  /** First mid price of the feed. */
  readonly startPrice: string;
  /** Bid/ask spread in ticks. */
  readonly spreadTicks: number;
  /** Standard deviation of one tick's log return. */
  readonly volatility: number;
  /** Quantity quoted at the best bid and at the best ask: bigger orders fill partially. */
  readonly depth: string;
  /** Linear leverage of the account's position (Bybit's default is 10); spot is 1. */
  readonly leverage?: number;
  /** Maintenance margin rate of the first risk tier, for positionMM (linear). */
  readonly maintenanceMarginRate?: string;
  /** Fee rates as fractions ("0.00055" = 0.055 %). */
  readonly takerFeeRate: string;
  readonly makerFeeRate: string;
}

/** One API key of one unified trading account. */
export interface BybitAccountConfig {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The account's uid: rate limits count per uid. Defaults to 100001, 100002… in config order. */
  readonly uid?: number;
  /** USDT in the unified account at start. */
  readonly startingBalance: string;
}

/**
 * Requests per window of one private endpoint, per uid. A number applies to every category; an object
 * gives linear and spot their own budgets, as Bybit's rate limit table does for order endpoints.
 */
export type BybitRateLimit = number | { readonly linear: number; readonly spot: number };

export interface BybitSimulatorConfig {
  /** Interface to listen on: loopback only by default. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly accounts: readonly BybitAccountConfig[];
  readonly instruments: readonly BybitInstrumentConfig[];
  /** Private endpoint path → budget per window; endpoints missing here are not limited. */
  readonly rateLimits: Readonly<Record<string, BybitRateLimit>>;
  /** The rolling window of the rate limits: Bybit's is one second. */
  readonly rateLimitWindowMs: number;
  /** Milliseconds between price ticks of the feed; 0 moves prices only through the test hooks. */
  readonly tickIntervalMs: number;
  /** Seed of the price walk. */
  readonly seed: number;
  /** Minutes of one-minute candles generated before start, so klines exist at once. */
  readonly historyMinutes: number;
  /** Closed orders `/v5/order/realtime` keeps per account and category (Bybit: 500). */
  readonly recentClosedOrders: number;
}
