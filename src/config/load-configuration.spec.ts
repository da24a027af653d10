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
  ])('refuses %s naming the field', (content, message) => {
    expect(() => loadConfiguration({ EDGERUNNER_CONFIG: configFile(content) })).toThrow(message);
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
