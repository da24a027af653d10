/** A weekday's trading window in server time: seconds from that day's 00:00 (`to` may pass 24:00). */
export interface Mt5Session {
  /** DAY_OF_WEEK: SUNDAY 0 … SATURDAY 6, as SymbolInfoSessionTrade takes it. */
  readonly day: number;
  readonly fromSeconds: number;
  readonly toSeconds: number;
}

/** One Market Watch symbol: the SymbolInfo fields the terminal reports, and how its price moves. */
export interface Mt5SymbolConfig {
  readonly name: string;
  readonly description: string;
  readonly path: string;
  readonly currencyBase: string;
  readonly currencyProfit: string;
  readonly currencyMargin: string;
  readonly digits: number;
  /** Decimal strings, as SymbolInfoDouble would print them with the symbol's digits. */
  readonly point: string;
  readonly tickSize: string;
  readonly contractSize: string;
  readonly volumeMin: string;
  readonly volumeMax: string;
  readonly volumeStep: string;
  /** Points. */
  readonly stopsLevel: number;
  readonly freezeLevel: number;
  /** SYMBOL_TRADE_MODE_*: DISABLED 0, LONGONLY 1, SHORTONLY 2, CLOSEONLY 3, FULL 4. */
  readonly tradeMode: number;
  /** SYMBOL_TRADE_EXECUTION_*: REQUEST 0, INSTANT 1, MARKET 2, EXCHANGE 3. */
  readonly exeMode: number;
  /** SYMBOL_FILLING_* flags: FOK 1, IOC 2, BOC 4. */
  readonly fillingMode: number;
  /** SYMBOL_ORDER_* flags: MARKET 1, LIMIT 2, STOP 4, STOP_LIMIT 8, SL 16, TP 32, CLOSEBY 64. */
  readonly orderMode: number;
  /** SYMBOL_EXPIRATION_* flags: GTC 1, DAY 2, SPECIFIED 4, SPECIFIED_DAY 8. */
  readonly expirationMode: number;
  /** Fixed spread in points: ask = bid + spread × point. */
  readonly spreadPoints: number;
  /** First bid-ish price of the seeded walk. */
  readonly startPrice: string;
  /** Standard deviation of one step's log return. */
  readonly volatility: number;
  readonly sessions: readonly Mt5Session[];
}

/**
 * How the broker's server clock relates to UTC. `new-york` is the common GMT+2 / GMT+3 rule that switches
 * with US daylight saving (server midnight = 17:00 New York): America/New_York's offset plus `plusHours`.
 */
export type Mt5ServerClockRule =
  | { readonly kind: 'new-york'; readonly plusHours: number }
  | { readonly kind: 'fixed'; readonly offsetSeconds: number };

export interface Mt5SimulatorConfig {
  readonly login: string;
  readonly server: string;
  readonly company: string;
  readonly name: string;
  readonly currency: string;
  readonly marginMode: 'hedging' | 'netting';
  readonly balance: string;
  readonly leverage: number;
  /** TERMINAL_BUILD sent in hello. */
  readonly build: number;
  /** TERMINAL_TRADE_ALLOWED && MQL_TRADE_ALLOWED && ACCOUNT_TRADE_ALLOWED, as hello reports it. */
  readonly tradeAllowed: boolean;
  readonly serverClock: Mt5ServerClockRule;
  /** UTC epoch milliseconds; tests pass a fixed clock so sessions and server times are deterministic. */
  readonly clock: () => number;
  /** Seed of the price walk and of the order in which transactions of one operation arrive. */
  readonly seed: number;
  /** Milliseconds between price steps; 0 moves prices only through advance() and movePrice(). */
  readonly tickIntervalMs: number;
  /** Minutes of one-minute history generated before start, so copy_rates_* have bars at once. */
  readonly historyMinutes: number;
  /** Both sides ping this often; a bridge silent for 3 intervals is dropped (PROTOCOL.md). */
  readonly heartbeatIntervalMs: number;
  /** Experts compiled in MQL5\Experts that run_ea can launch. */
  readonly installedExperts: readonly string[];
  readonly symbols: readonly Mt5SymbolConfig[];
}
