import type { PaperAccountConfig } from './paper-config.js';

/**
 * The embedded default account: 100 000 USD and four instruments with real venues' trading rules.
 * Volatilities are per 1-second tick, from typical annual volatility / √(seconds traded per year):
 * BTC ~60 %, ETH ~75 %, AAPL ~25 % (trading hours), EURUSD ~7 %.
 */
export function defaultPaperAccountConfig(): PaperAccountConfig {
  return {
    account: 'paper',
    currency: 'USD',
    startingCash: '100000',
    takerFeeBps: 5,
    makerFeeBps: 1,
    slippageBps: 1,
    tickIntervalMs: 1000,
    seed: 42,
    historyMinutes: 1440,
    instruments: [
      {
        symbol: 'BTCUSDT',
        assetClass: 'crypto',
        quoteCurrency: 'USDT',
        tickSize: '0.1',
        lotSize: '0.001',
        minQuantity: '0.001',
        startPrice: '65000',
        volatility: 0.0001,
        spreadTicks: 1,
        depth: '2',
        leverage: 10,
      },
      {
        symbol: 'ETHUSDT',
        assetClass: 'crypto',
        quoteCurrency: 'USDT',
        tickSize: '0.01',
        lotSize: '0.01',
        minQuantity: '0.01',
        startPrice: '3200',
        volatility: 0.00013,
        spreadTicks: 1,
        depth: '20',
        leverage: 10,
      },
      {
        symbol: 'AAPL',
        assetClass: 'equity',
        quoteCurrency: 'USD',
        tickSize: '0.01',
        lotSize: '1',
        minQuantity: '1',
        startPrice: '190',
        volatility: 0.0001,
        spreadTicks: 2,
        depth: '500',
        leverage: 4,
      },
      {
        symbol: 'EURUSD',
        assetClass: 'fx',
        quoteCurrency: 'USD',
        tickSize: '0.00001',
        lotSize: '1000',
        minQuantity: '1000',
        startPrice: '1.08',
        volatility: 0.000015,
        spreadTicks: 6,
        depth: '1000000',
        leverage: 30,
      },
    ],
  };
}
