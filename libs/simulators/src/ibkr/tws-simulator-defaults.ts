import type {
  TwsHistoryPacingConfig,
  TwsInstrumentConfig,
  TwsSimulatorConfig,
} from './tws-simulator-config.js';

/** The paper account IB's examples use. */
export const DEFAULT_TWS_ACCOUNT = 'DU1234567';

/**
 * One contract of each kind the adapter maps: Apple on SMART (IB's conId 265598), EUR.USD on IDEALPRO
 * (12087792), the E-mini S&P future of December 2026 on CME, and Bitcoin on PAXOS (479624278), with IB's
 * tick and size rules for them, a commission rate, and the leverage of IB's margin (Reg T stock 4× intraday, FX 40×).
 */
export function defaultTwsInstruments(): TwsInstrumentConfig[] {
  const feed = { spreadTicks: 2, volatility: 0.0002 } as const;
  return [
    {
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      primaryExch: 'NASDAQ',
      currency: 'USD',
      localSymbol: 'AAPL',
      tradingClass: 'NMS',
      longName: 'APPLE INC',
      timeZoneId: 'US/Eastern',
      minTick: '0.01',
      minSize: '1',
      sizeIncrement: '1',
      startPrice: '190',
      depth: '500',
      commissionBps: 0.5,
      leverage: 4,
      ...feed,
    },
    {
      conId: 12087792,
      symbol: 'EUR',
      secType: 'CASH',
      exchange: 'IDEALPRO',
      currency: 'USD',
      localSymbol: 'EUR.USD',
      tradingClass: 'EUR.USD',
      longName: 'European Monetary Union Euro',
      timeZoneId: 'US/Eastern',
      minTick: '0.00005',
      minSize: '1',
      sizeIncrement: '1',
      startPrice: '1.08',
      depth: '5000000',
      commissionBps: 0.2,
      leverage: 40,
      ...feed,
    },
    {
      conId: 637533641,
      symbol: 'ES',
      secType: 'FUT',
      exchange: 'CME',
      currency: 'USD',
      localSymbol: 'ESZ6',
      tradingClass: 'ES',
      lastTradeDateOrContractMonth: '20261218',
      multiplier: '50',
      longName: 'E-mini S&P 500',
      timeZoneId: 'US/Central',
      minTick: '0.25',
      minSize: '1',
      sizeIncrement: '1',
      startPrice: '6000',
      depth: '50',
      commissionBps: 0.1,
      leverage: 20,
      ...feed,
    },
    {
      conId: 479624278,
      symbol: 'BTC',
      secType: 'CRYPTO',
      exchange: 'PAXOS',
      currency: 'USD',
      localSymbol: 'BTC.USD',
      tradingClass: 'BTC',
      longName: 'Bitcoin',
      timeZoneId: 'US/Central',
      minTick: '0.25',
      minSize: '0.0001',
      sizeIncrement: '0.0001',
      startPrice: '65000',
      depth: '2',
      commissionBps: 18,
      leverage: 1,
      ...feed,
    },
  ];
}

/** IB's documented limits: identical within 15 s, 6 per contract in 2 s, 60 in 10 minutes. */
export function defaultTwsHistoryPacing(): TwsHistoryPacingConfig {
  return { identicalMs: 15_000, burstMs: 2_000, burstCount: 6, windowMs: 600_000, windowCount: 60 };
}

export function defaultTwsSimulatorConfig(): TwsSimulatorConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    accounts: [{ code: DEFAULT_TWS_ACCOUNT, currency: 'USD', startingCash: '1000000' }],
    instruments: defaultTwsInstruments(),
    firstOrderId: 1,
    tickIntervalMs: 0,
    seed: 7,
    historyMinutes: 600,
    historyPacing: defaultTwsHistoryPacing(),
  };
}
