/** The security types the adapter maps to Edgerunner asset classes. */
export const IBKR_SEC_TYPES = ['STK', 'CASH', 'FUT', 'CRYPTO'] as const;
export type IbkrSecType = (typeof IBKR_SEC_TYPES)[number];

/** An IB contract as the config file writes it: the fields of IB's `Contract` that identify one. */
export interface IbkrContractFields {
  /** IB's own symbol: `AAPL`, `EUR` (of EUR.USD), `ES`, `BTC`. */
  readonly symbol: string;
  readonly secType: IbkrSecType;
  readonly exchange: string;
  readonly primaryExch?: string;
  readonly currency: string;
  /** Pins the contract when IB would otherwise find several. */
  readonly conId?: number;
  readonly localSymbol?: string;
  /** Futures: `YYYYMM` or `YYYYMMDD`. */
  readonly lastTradeDateOrContractMonth?: string;
  readonly multiplier?: string;
}

/** Which IB contract an Edgerunner symbol trades. */
export interface IbkrContractSpec {
  /** The Edgerunner symbol orders and quotes use: `AAPL`, `EURUSD`, `ESZ6`. */
  readonly symbol: string;
  readonly contract: IbkrContractFields;
}

/** One IB account as the adapter needs it; built by toIbkrConfig from the account's validated options. */
export interface IbkrConfig {
  readonly account: string;
  /** Where TWS or IB Gateway listens. */
  readonly host: string;
  readonly port: number;
  /** The API client id; orders placed under it can only be changed by a session with the same id. */
  readonly clientId: number;
  /** The IB account traded (`DU…` for paper); unset, the first account TWS manages for the login. */
  readonly accountCode?: string;
  /** The handshake must bring the managed accounts and the next order id within this long, ms. */
  readonly connectTimeoutMs: number;
  /** Each request (an order's acknowledgement included) gives up after this long, ms. */
  readonly requestTimeoutMs: number;
  /** The library's own pacing of messages to TWS; TWS allows 50 a second. */
  readonly maxRequestsPerSecond: number;
  /** First wait before a reconnect, doubled after each failure up to `reconnectMaxDelayMs`, ms. */
  readonly reconnectInitialDelayMs: number;
  readonly reconnectMaxDelayMs: number;
  /** How long a fill waits for its commission report before it is emitted with fee 0, ms. */
  readonly commissionWaitMs: number;
  readonly contracts: readonly IbkrContractSpec[];
}

/**
 * The contracts of IB's paper-trading examples, one per security type, so a demo account trades with no
 * contract configured: Apple on SMART, EUR.USD on IDEALPRO, the December 2026 E-mini S&P, Bitcoin on PAXOS.
 */
export const IBKR_DEFAULT_CONTRACTS: readonly IbkrContractSpec[] = [
  {
    symbol: 'AAPL',
    contract: { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', primaryExch: 'NASDAQ', currency: 'USD' },
  },
  { symbol: 'EURUSD', contract: { symbol: 'EUR', secType: 'CASH', exchange: 'IDEALPRO', currency: 'USD' } },
  {
    symbol: 'ESZ6',
    contract: {
      symbol: 'ES',
      secType: 'FUT',
      exchange: 'CME',
      currency: 'USD',
      lastTradeDateOrContractMonth: '202612',
    },
  },
  { symbol: 'BTCUSD', contract: { symbol: 'BTC', secType: 'CRYPTO', exchange: 'PAXOS', currency: 'USD' } },
];

export const IBKR_DEFAULTS = {
  host: '127.0.0.1',
  // TWS paper; live TWS is 7496, IB Gateway 4002 (paper) and 4001 (live).
  port: 7497,
  clientId: 1,
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  maxRequestsPerSecond: 40,
  reconnectInitialDelayMs: 1000,
  reconnectMaxDelayMs: 30_000,
  commissionWaitMs: 2000,
  contracts: IBKR_DEFAULT_CONTRACTS,
} as const satisfies Partial<IbkrConfig>;
