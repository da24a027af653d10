/** The security types the simulator trades, as IB names them. */
export const TWS_SEC_TYPES = ['STK', 'CASH', 'FUT', 'CRYPTO'] as const;
export type TwsSecType = (typeof TWS_SEC_TYPES)[number];

/**
 * One contract TWS knows: the fields CONTRACT_DATA describes it with, and the price feed and fees behind
 * it. Decimals are strings, as TWS sends them. The paper engine trades it under its `localSymbol`.
 */
export interface TwsInstrumentConfig {
  readonly conId: number;
  /** IB's symbol: `AAPL`, `EUR` (of EUR.USD), `ES`, `BTC`. */
  readonly symbol: string;
  readonly secType: TwsSecType;
  /** Where orders route: SMART, IDEALPRO, CME, PAXOS. */
  readonly exchange: string;
  readonly primaryExch?: string;
  readonly currency: string;
  /** Unique per contract: `AAPL`, `EUR.USD`, `ESZ6`, `BTC.USD`. */
  readonly localSymbol: string;
  readonly tradingClass: string;
  /** Futures: `YYYYMMDD` of the last trading day. */
  readonly lastTradeDateOrContractMonth?: string;
  readonly multiplier?: string;
  readonly longName: string;
  readonly timeZoneId: string;
  readonly minTick: string;
  readonly minSize: string;
  readonly sizeIncrement: string;
  /** First mid price of the feed. */
  readonly startPrice: string;
  /** Standard deviation of one tick's log return. */
  readonly volatility: number;
  /** Bid/ask spread in ticks. */
  readonly spreadTicks: number;
  /** Quantity quoted at the best bid and at the best ask: bigger orders fill partially. */
  readonly depth: string;
  /** Commission of a fill in basis points of its value, charged by the paper engine and reported as TWS does. */
  readonly commissionBps: number;
  /** Margin the paper engine holds: the position's value divided by this. */
  readonly leverage: number;
}

/** One account of the logged-in user, as MANAGED_ACCTS lists it. */
export interface TwsAccountConfig {
  /** `DU…` is an IB paper account. */
  readonly code: string;
  readonly currency: string;
  readonly startingCash: string;
}

/** IB's historical data pacing limits; a request breaking one is answered with 162 (pacing violation). */
export interface TwsHistoryPacingConfig {
  /** No identical request within this window (IB: 15 s). */
  readonly identicalMs: number;
  /** `burstCount` requests for one contract, exchange and tick type within `burstMs` are too many (IB: 6 in 2 s). */
  readonly burstMs: number;
  readonly burstCount: number;
  /** At most `windowCount` requests within `windowMs` (IB: 60 in 10 minutes). */
  readonly windowMs: number;
  readonly windowCount: number;
}

export interface TwsSimulatorConfig {
  /** Interface to listen on: loopback only by default. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly accounts: readonly TwsAccountConfig[];
  readonly instruments: readonly TwsInstrumentConfig[];
  /** NEXT_VALID_ID of a client id that never placed an order. */
  readonly firstOrderId: number;
  /** Milliseconds between price ticks of the feed; 0 moves prices only through the test hooks. */
  readonly tickIntervalMs: number;
  /** Seed of the price walk. */
  readonly seed: number;
  /** Minutes of one-minute bars generated before start, so historical data exists at once. */
  readonly historyMinutes: number;
  /** IB's historical data pacing; {@link defaultTwsHistoryPacing} when left out. */
  readonly historyPacing?: TwsHistoryPacingConfig;
}
