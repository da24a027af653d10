import type {
  BybitInstrumentConfig,
  BybitRateLimit,
  BybitSimulatorConfig,
} from './bybit-simulator-config.js';

/**
 * Per-uid budgets per second from Bybit's rate limit table (docs/v5/rate-limit/rate-limit.mdx, UTA 2.0
 * Pro column): order endpoints 10/s for linear and 20/s for spot, queries 50/s.
 */
export const DEFAULT_BYBIT_RATE_LIMITS: Readonly<Record<string, BybitRateLimit>> = {
  '/v5/order/create': { linear: 10, spot: 20 },
  '/v5/order/cancel': { linear: 10, spot: 20 },
  '/v5/order/cancel-all': { linear: 10, spot: 20 },
  '/v5/order/realtime': 50,
  '/v5/order/history': 50,
  '/v5/execution/list': 50,
  '/v5/position/list': 50,
  '/v5/account/wallet-balance': 50,
};

const LINEAR_FEES = { takerFeeRate: '0.00055', makerFeeRate: '0.0002' } as const;
const SPOT_FEES = { takerFeeRate: '0.001', makerFeeRate: '0.001' } as const;

/**
 * BTCUSDT and ETHUSDT, perpetual and spot, with the trading rules of Bybit's own instruments-info
 * examples (docs/v5/market/instrument.mdx) and its standard fee tier.
 */
export function defaultBybitInstruments(): BybitInstrumentConfig[] {
  return [
    {
      category: 'linear',
      symbol: 'BTCUSDT',
      baseCoin: 'BTC',
      quoteCoin: 'USDT',
      tickSize: '0.1',
      qtyStep: '0.001',
      minOrderQty: '0.001',
      maxOrderQty: '1190',
      maxMktOrderQty: '500',
      minNotionalValue: '5',
      minPrice: '0.1',
      maxPrice: '1999999.8',
      startPrice: '65000',
      spreadTicks: 1,
      volatility: 0.0001,
      depth: '2',
      leverage: 10,
      maintenanceMarginRate: '0.005',
      ...LINEAR_FEES,
    },
    {
      category: 'linear',
      symbol: 'ETHUSDT',
      baseCoin: 'ETH',
      quoteCoin: 'USDT',
      tickSize: '0.01',
      qtyStep: '0.01',
      minOrderQty: '0.01',
      maxOrderQty: '7240',
      maxMktOrderQty: '3620',
      minNotionalValue: '5',
      minPrice: '0.01',
      maxPrice: '199999.98',
      startPrice: '3200',
      spreadTicks: 1,
      volatility: 0.00013,
      depth: '20',
      leverage: 10,
      maintenanceMarginRate: '0.005',
      ...LINEAR_FEES,
    },
    {
      category: 'spot',
      symbol: 'BTCUSDT',
      baseCoin: 'BTC',
      quoteCoin: 'USDT',
      tickSize: '0.1',
      qtyStep: '0.000001',
      quotePrecision: '0.0000001',
      minOrderQty: '0.000011',
      maxOrderQty: '83',
      maxMktOrderQty: '41.5',
      minNotionalValue: '5',
      startPrice: '65000',
      spreadTicks: 1,
      volatility: 0.0001,
      depth: '2',
      ...SPOT_FEES,
    },
    {
      category: 'spot',
      symbol: 'ETHUSDT',
      baseCoin: 'ETH',
      quoteCoin: 'USDT',
      tickSize: '0.01',
      qtyStep: '0.00001',
      quotePrecision: '0.0000001',
      minOrderQty: '0.00062',
      maxOrderQty: '1229',
      maxMktOrderQty: '614',
      minNotionalValue: '5',
      startPrice: '3200',
      spreadTicks: 1,
      volatility: 0.00013,
      depth: '20',
      ...SPOT_FEES,
    },
  ];
}

/** The default account's credentials: the simulator's own, not secrets of anyone's. */
export const SIMULATOR_API_KEY = 'sim-api-key';
export const SIMULATOR_API_SECRET = 'sim-api-secret';

/**
 * One account with 100 000 USDT, the instruments above, Bybit's rate limits, and a feed that only
 * moves when a test moves it (`tickIntervalMs` 0): deterministic by default.
 */
export function defaultBybitSimulatorConfig(): BybitSimulatorConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    accounts: [{ apiKey: SIMULATOR_API_KEY, apiSecret: SIMULATOR_API_SECRET, startingBalance: '100000' }],
    instruments: defaultBybitInstruments(),
    rateLimits: DEFAULT_BYBIT_RATE_LIMITS,
    rateLimitWindowMs: 1000,
    tickIntervalMs: 0,
    seed: 42,
    historyMinutes: 1440,
    recentClosedOrders: 500,
  };
}
