import type { VenueContext } from '../port/broker-venue.js';
import { createBybitAdapter, toBybitConfig } from './bybit-adapter.factory.js';
import { BYBIT_DEFAULTS } from './bybit-config.js';
import { BybitOptions } from './bybit-options.js';
import { BybitAdapter } from './bybit.adapter.js';

function options(fields: Partial<BybitOptions>): BybitOptions {
  return Object.assign(new BybitOptions(), fields);
}

describe('the Bybit adapter factory', () => {
  it('takes every option left out from BYBIT_DEFAULTS, written once', () => {
    expect(new BybitOptions()).toEqual(
      expect.objectContaining({
        category: BYBIT_DEFAULTS.category,
        testnet: BYBIT_DEFAULTS.testnet,
        demoTrading: BYBIT_DEFAULTS.demoTrading,
        symbols: ['BTCUSDT', 'ETHUSDT'],
        recvWindowMs: BYBIT_DEFAULTS.recvWindowMs,
        requestTimeoutMs: BYBIT_DEFAULTS.requestTimeoutMs,
      }),
    );
  });

  it('builds the adapter config from the options, the rest from the defaults, without the variable names', () => {
    const config = toBybitConfig(
      options({
        apiKey: 'key-1',
        apiSecret: 'secret-1',
        apiKeyEnv: 'BYBIT_KEY',
        apiSecretEnv: 'BYBIT_SECRET',
        category: 'spot',
        restBaseUrl: 'http://127.0.0.1:1',
        symbols: ['SOLUSDT'],
      }),
      'crypto',
    );
    expect(config).toEqual({
      ...BYBIT_DEFAULTS,
      account: 'crypto',
      apiKey: 'key-1',
      apiSecret: 'secret-1',
      category: 'spot',
      restBaseUrl: 'http://127.0.0.1:1',
      wsPrivateUrl: undefined,
      wsPublicUrl: undefined,
      symbols: ['SOLUSDT'],
    });
  });

  it('refuses options whose secrets were never resolved', () => {
    expect(() => toBybitConfig(options({ apiKeyEnv: 'BYBIT_KEY', apiSecret: 's' }), 'crypto')).toThrow(
      'Bybit account "crypto" has no API key and secret',
    );
  });

  it('creates a Bybit adapter for the account, down until it connects', () => {
    const context: VenueContext = {
      account: 'crypto',
      log: () => undefined,
      dataDir: '/nonexistent',
      prepareFile: () => {
        throw new Error('a Bybit account keeps no file');
      },
    };
    const adapter = createBybitAdapter(options({ apiKey: 'k', apiSecret: 's' }), context);
    expect(adapter).toBeInstanceOf(BybitAdapter);
    expect(adapter.account).toBe('crypto');
    expect(adapter.status).toBe('down');
  });
});
