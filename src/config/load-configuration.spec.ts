import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from './configuration-error.js';
import { loadConfiguration } from './load-configuration.js';

function configFile(content: string, name = 'edgerunner.yaml'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'edgerunner-config-')), name);
  writeFileSync(path, content);
  return path;
}

describe('loadConfiguration', () => {
  it('runs on defaults: port 3000 on 127.0.0.1, one paper account', () => {
    const config = loadConfiguration({});
    expect(config.server).toEqual(
      expect.objectContaining({ port: 3000, host: '127.0.0.1', logLevel: 'info', redisUrl: undefined }),
    );
    expect(config.server.dataDir).toMatch(/data$/);
    expect(config.accounts).toEqual([
      expect.objectContaining({ name: 'paper', broker: 'paper', autoConnect: true }),
    ]);
    expect(config.throttle.trade).toEqual({ limit: 10, ttlMs: 1000 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfiguration({ PORT: '', REDIS_URL: '' }).server).toEqual(
      expect.objectContaining({ port: 3000, redisUrl: undefined }),
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
    [{ EDGERUNNER_API_KEY: 'short' }, /EDGERUNNER_API_KEY/],
    [{ EDGERUNNER_CONFIG: '/nonexistent/edgerunner.yaml' }, /EDGERUNNER_CONFIG: cannot read/],
  ])('stops on %j naming the field', (environment, message) => {
    expect(() => loadConfiguration(environment)).toThrow(ConfigurationError);
    expect(() => loadConfiguration(environment)).toThrow(message);
  });

  it('refuses a placeholder key in production', () => {
    expect(() =>
      loadConfiguration({ NODE_ENV: 'production', EDGERUNNER_API_KEY: 'change-me-change-me-change-me' }),
    ).toThrow(/placeholder/);
  });

  describe('the master key', () => {
    const key = 'a-master-key-of-forty-characters-0123456';

    it('is unset by default (the data directory key file), or EDGERUNNER_MASTER_KEY or its file', () => {
      expect(loadConfiguration({}).server.masterKey).toBeUndefined();
      expect(loadConfiguration({ EDGERUNNER_MASTER_KEY: key }).server.masterKey).toBe(key);
      const path = configFile(`${key}\n`, 'master.key');
      expect(loadConfiguration({ EDGERUNNER_MASTER_KEY_FILE: path }).server.masterKey).toBe(key);
    });

    it.each([
      [{ NODE_ENV: 'production' }, /^EDGERUNNER_MASTER_KEY is required in production/],
      [{ EDGERUNNER_MASTER_KEY: 'too-short' }, /EDGERUNNER_MASTER_KEY must be at least 32 characters/],
      [
        { NODE_ENV: 'production', EDGERUNNER_MASTER_KEY: 'change-me-change-me-change-me-change-me' },
        /EDGERUNNER_MASTER_KEY: looks like a placeholder/,
      ],
      [{ EDGERUNNER_MASTER_KEY: key, EDGERUNNER_MASTER_KEY_FILE: '/etc/hostname' }, /both set/],
    ])('stops on %j in one line naming the variable', (environment, message) => {
      expect(() => loadConfiguration(environment)).toThrow(ConfigurationError);
      expect(() => loadConfiguration(environment)).toThrow(message);
    });
  });

  describe('the API key pepper', () => {
    const pepper = 'a-pepper-of-forty-characters-0123456789ab';

    it('is unset by default (the data directory pepper), or EDGERUNNER_KEY_PEPPER', () => {
      expect(loadConfiguration({}).server.keyPepper).toBeUndefined();
      expect(loadConfiguration({ EDGERUNNER_KEY_PEPPER: pepper }).server.keyPepper).toBe(pepper);
    });

    it('is read from EDGERUNNER_KEY_PEPPER_FILE, trimmed as $(cat file) would be', () => {
      const path = configFile(`${pepper}\n`, 'api-key.pepper');
      expect(loadConfiguration({ EDGERUNNER_KEY_PEPPER_FILE: path }).server.keyPepper).toBe(pepper);
    });

    it.each([
      [{ EDGERUNNER_KEY_PEPPER: 'too-short' }, /EDGERUNNER_KEY_PEPPER must be at least 32 characters/],
      [{ EDGERUNNER_KEY_PEPPER_FILE: '/nonexistent/pepper' }, /EDGERUNNER_KEY_PEPPER_FILE: cannot read/],
      [
        { EDGERUNNER_KEY_PEPPER_FILE: configFile('short\n', 'api-key.pepper') },
        /EDGERUNNER_KEY_PEPPER_FILE: .* at least 32 characters/,
      ],
      [{ EDGERUNNER_KEY_PEPPER: pepper, EDGERUNNER_KEY_PEPPER_FILE: '/etc/hostname' }, /both set/],
      [
        { NODE_ENV: 'production', EDGERUNNER_KEY_PEPPER: 'change-me-change-me-change-me-change-me' },
        /EDGERUNNER_KEY_PEPPER: looks like a placeholder/,
      ],
    ])('stops on %j naming the variable', (environment, message) => {
      expect(() => loadConfiguration(environment)).toThrow(ConfigurationError);
      expect(() => loadConfiguration(environment)).toThrow(message);
    });
  });

  it('reads accounts, paper options and throttle limits from YAML', () => {
    const path = configFile(`
accounts:
  - name: desk-a
    broker: paper
    paper:
      startingCash: 25000
      instruments:
        - { symbol: SOLUSDT, tickSize: "0.01", lotSize: "0.1", minQuantity: "0.1", startPrice: 150, depth: 500 }
throttle:
  trade: { limit: 2, ttlMs: 500 }
`);
    const config = loadConfiguration({ EDGERUNNER_CONFIG: path });
    expect(config.accounts[0]?.name).toBe('desk-a');
    expect(config.accounts[0]?.paper?.startingCash).toBe('25000');
    expect(config.accounts[0]?.paper?.instruments?.[0]).toEqual(
      expect.objectContaining({ symbol: 'SOLUSDT', startPrice: '150', leverage: 1, spreadTicks: 1 }),
    );
    expect(config.throttle.trade).toEqual({ limit: 2, ttlMs: 500 });
  });

  it.each([
    ['accounts: [{ name: a, broker: ftx }]', /accounts\.0\.broker/],
    ['accounts: [{ name: A B, broker: paper }]', /accounts\.0\.name/],
    ['accounts: [{ name: a, broker: paper }, { name: a, broker: paper }]', /duplicate account name "a"/],
    [
      'accounts: [{ name: a, broker: paper, paper: { startingCash: lots } }]',
      /accounts\.0\.paper\.startingCash/,
    ],
    ['throttle: { trade: { limit: 0 } }', /throttle\.trade\.limit/],
    ['accounts: [{ name: a, broker: paper, colour: red }]', /colour/],
    ['accounts: [ {', /not valid YAML or JSON/],
    ['accounts: [{ name: b, broker: bybit }]', /accounts\.0\.bybit/],
    [
      'accounts: [{ name: b, broker: bybit, bybit: { apiKeyEnv: K } }]',
      /apiSecret or apiSecretEnv is required/,
    ],
    [
      'accounts: [{ name: b, broker: bybit, bybit: { apiKey: k, apiSecret: s, category: inverse } }]',
      /accounts\.0\.bybit\.category/,
    ],
    [
      'accounts: [{ name: b, broker: bybit, bybit: { apiKeyEnv: NOT_SET_X, apiSecret: s } }]',
      /environment variable NOT_SET_X is not set/,
    ],
  ])('refuses %s naming the field', (content, message) => {
    expect(() => loadConfiguration({ EDGERUNNER_CONFIG: configFile(content) })).toThrow(message);
  });

  it('reads a Bybit account, its key and secret from the environment variables it names', () => {
    const path = configFile(`
accounts:
  - name: crypto
    broker: bybit
    bybit: { apiKeyEnv: BYBIT_KEY, apiSecretEnv: BYBIT_SECRET, testnet: true, symbols: [BTCUSDT] }
`);
    const config = loadConfiguration({
      EDGERUNNER_CONFIG: path,
      BYBIT_KEY: 'key-1',
      BYBIT_SECRET: 'secret-1',
    });
    expect(config.accounts[0]?.bybit).toEqual(
      expect.objectContaining({
        apiKey: 'key-1',
        apiSecret: 'secret-1',
        testnet: true,
        demoTrading: false,
        category: 'linear',
        symbols: ['BTCUSDT'],
      }),
    );
  });

  it('refuses placeholder Bybit credentials in production', () => {
    const path = configFile(
      'accounts: [{ name: b, broker: bybit, bybit: { apiKey: your-key, apiSecret: change-me } }]',
    );
    expect(() =>
      loadConfiguration({
        EDGERUNNER_CONFIG: path,
        NODE_ENV: 'production',
        EDGERUNNER_API_KEY: 'a-real-admin-key-of-32-characters!',
      }),
    ).toThrow(/placeholder/);
  });

  describe('broker options by venue', () => {
    const refusal = (content: string, environment: Record<string, string> = {}): string => {
      try {
        loadConfiguration({ EDGERUNNER_CONFIG: configFile(content), ...environment });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        return (error as Error).message;
      }
      throw new Error('expected the configuration to be refused');
    };

    it('refuses a broker kind no venue has, naming the field and the kinds there are', () => {
      expect(refusal('accounts: [{ name: a, broker: ftx }]')).toMatch(
        /accounts\.0\.broker: broker must be one of the following values: paper, bybit, ibkr/,
      );
    });

    it('refuses options of another kind than the account broker, naming the field', () => {
      expect(refusal('accounts: [{ name: a, broker: paper, bybit: { apiKey: k, apiSecret: s } }]')).toMatch(
        /accounts\.0\.bybit: bybit options on a paper account/,
      );
      expect(
        refusal(
          'accounts: [{ name: a, broker: paper }, { name: b, broker: bybit, bybit: { apiKey: k, apiSecret: s }, paper: {} }]',
        ),
      ).toMatch(/accounts\.1\.paper: paper options on a bybit account/);
    });

    it('refuses options that are not an object, naming the field', () => {
      expect(refusal('accounts: [{ name: a, broker: paper, paper: 5 }]')).toMatch(
        /accounts\.0\.paper: paper options must be an object/,
      );
    });

    it('refuses a missing secret variable, naming the option that names it', () => {
      expect(
        refusal('accounts: [{ name: b, broker: bybit, bybit: { apiKey: k, apiSecretEnv: NOT_SET_Y } }]'),
      ).toMatch(/accounts\.0\.bybit\.apiSecretEnv: environment variable NOT_SET_Y is not set/);
    });

    it('refuses a placeholder secret in production, naming the account options', () => {
      expect(
        refusal(
          'accounts: [{ name: a, broker: paper }, { name: b, broker: bybit, bybit: { apiKeyEnv: K, apiSecret: s } }]',
          {
            NODE_ENV: 'production',
            K: 'change-me',
          },
        ),
      ).toMatch(/accounts\.1\.bybit: the API key or secret looks like a placeholder/);
    });

    it('names every bad field at once, the shared ones and the broker options', () => {
      const message = refusal('accounts: [{ name: A B, broker: paper, paper: { seed: x } }]');
      expect(message).toMatch(/accounts\.0\.name/);
      expect(message).toMatch(/accounts\.0\.paper\.seed/);
    });

    it('gives an account that leaves its options out every default of its venue', () => {
      const [account] = loadConfiguration({}).accounts;
      expect(account?.paper).toEqual(
        expect.objectContaining({ currency: 'USD', startingCash: '100000', tickIntervalMs: 1000 }),
      );
      expect(account?.bybit).toBeUndefined();
    });
  });

  it('reads risk limits per account, decimals kept as decimal strings', () => {
    const path = configFile(`
accounts:
  - name: desk-a
    broker: paper
    risk:
      allowedSymbols: [BTCUSDT, ETHUSDT]
      maxOrderQuantity: 2
      maxOrderNotional: "10000.50"
      maxPositionQuantity: { BTCUSDT: 1, "*": "10" }
      maxOpenOrders: 20
      dailyLossLimit: 1000
  - name: desk-b
    broker: paper
`);
    const [withRisk, without] = loadConfiguration({ EDGERUNNER_CONFIG: path }).accounts;
    expect(withRisk?.risk).toEqual({
      allowedSymbols: ['BTCUSDT', 'ETHUSDT'],
      maxOrderQuantity: '2',
      maxOrderNotional: '10000.5',
      maxPositionQuantity: { BTCUSDT: '1', '*': '10' },
      maxOpenOrders: 20,
      dailyLossLimit: '1000',
    });
    expect(without?.risk).toBeUndefined();
  });

  it.each([
    [
      'maxOrderNotional: lots',
      /accounts\.0\.risk\.maxOrderNotional: maxOrderNotional must be a positive decimal/,
    ],
    ['maxOrderQuantity: 0', /accounts\.0\.risk\.maxOrderQuantity/],
    ['dailyLossLimit: -5', /accounts\.0\.risk\.dailyLossLimit/],
    ['maxOpenOrders: 0', /accounts\.0\.risk\.maxOpenOrders/],
    ['maxOpenOrders: 2.5', /accounts\.0\.risk\.maxOpenOrders/],
    ['allowedSymbols: [btc usdt]', /accounts\.0\.risk\.allowedSymbols/],
    ['allowedSymbols: BTCUSDT', /accounts\.0\.risk\.allowedSymbols/],
    ['maxPositionQuantity: 5', /accounts\.0\.risk\.maxPositionQuantity: maxPositionQuantity: must be a map/],
    [
      'maxPositionQuantity: { BTCUSDT: zero }',
      /accounts\.0\.risk\.maxPositionQuantity: .*BTCUSDT must be a positive decimal/,
    ],
    ['maxPositionQuantity: { "btc usdt": 1 }', /accounts\.0\.risk\.maxPositionQuantity: .*key "btc usdt"/],
    ['maxLeverage: 3', /accounts\.0\.risk\.maxLeverage/],
  ])('refuses risk { %s } naming the field', (risk, message) => {
    const path = configFile(`accounts: [{ name: a, broker: paper, risk: { ${risk} } }]`);
    expect(() => loadConfiguration({ EDGERUNNER_CONFIG: path })).toThrow(message);
  });

  it('reads JSON too', () => {
    const path = configFile(
      JSON.stringify({ accounts: [{ name: 'j', broker: 'paper', autoConnect: false }] }),
      'c.json',
    );
    expect(loadConfiguration({ EDGERUNNER_CONFIG: path }).accounts).toEqual([
      expect.objectContaining({ name: 'j', autoConnect: false }),
    ]);
  });
});
