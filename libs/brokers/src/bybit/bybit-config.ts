/** Bybit product types the adapter trades: USDT perpetuals, or spot pairs of a unified account. */
export const BYBIT_ADAPTER_CATEGORIES = ['linear', 'spot'] as const;
export type BybitAdapterCategory = (typeof BYBIT_ADAPTER_CATEGORIES)[number];

/** One Bybit account as the adapter needs it; built by toBybitConfig from the account's validated options. */
export interface BybitConfig {
  readonly account: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly category: BybitAdapterCategory;
  /** api-testnet.bybit.com and stream-testnet.bybit.com instead of mainnet. */
  readonly testnet: boolean;
  /** Bybit's demo trading (api-demo.bybit.com; its private stream; public data stays on mainnet). */
  readonly demoTrading: boolean;
  /** Overrides every host switch: a regional host, or a simulator. */
  readonly restBaseUrl?: string;
  /** The private stream's URL (…/v5/private). */
  readonly wsPrivateUrl?: string;
  /** The public stream's URL for the category (…/v5/public/linear or …/v5/public/spot). */
  readonly wsPublicUrl?: string;
  /** Symbols whose quotes are streamed as ticks. */
  readonly symbols: readonly string[];
  /** How long a signed request stays valid at Bybit (its recv_window), ms. */
  readonly recvWindowMs: number;
  /** How often the clock offset to Bybit's server time is measured again, ms. */
  readonly timeSyncIntervalMs: number;
  /** Each REST call gives up after this long, ms. */
  readonly requestTimeoutMs: number;
  /** The private stream must authenticate within this long at connect, ms. */
  readonly streamTimeoutMs: number;
  /** How long instrument rules (tick, step, minimum) are trusted before they are read again, ms. */
  readonly instrumentsTtlMs: number;
  /** Tries of a read refused for its rate limit before it is reported as rate limited. */
  readonly readRetries: number;
}

export const BYBIT_DEFAULTS = {
  category: 'linear',
  testnet: false,
  demoTrading: false,
  symbols: ['BTCUSDT', 'ETHUSDT'],
  recvWindowMs: 5000,
  timeSyncIntervalMs: 3_600_000,
  requestTimeoutMs: 10_000,
  streamTimeoutMs: 10_000,
  instrumentsTtlMs: 3_600_000,
  readRetries: 3,
} as const satisfies Partial<BybitConfig>;
