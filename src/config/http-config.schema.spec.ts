import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from './configuration-error.js';
import { loadConfiguration } from './load-configuration.js';

/** Loads a config file holding `http`; `accounts` left to its default. */
function loadWithHttp(http: unknown): ReturnType<typeof loadConfiguration> {
  const path = join(mkdtempSync(join(tmpdir(), 'edgerunner-http-config-')), 'edgerunner.json');
  writeFileSync(path, JSON.stringify({ http }));
  return loadConfiguration({ EDGERUNNER_CONFIG: path });
}

describe('the config file http section', () => {
  it('has CORS off by default: no origin, no credentials', () => {
    expect(loadConfiguration({}).http.cors).toEqual({ origins: [], credentials: false, maxAgeSeconds: 600 });
  });

  it('takes exact origins, with a port or on plain http for a local UI', () => {
    const origins = ['https://desk.example.com', 'http://localhost:5173', 'https://10.0.0.7:8443'];
    expect(loadWithHttp({ cors: { origins, credentials: true, maxAgeSeconds: 60 } }).http.cors).toEqual({
      origins,
      credentials: true,
      maxAgeSeconds: 60,
    });
  });

  it('takes "*" alone without credentials', () => {
    expect(loadWithHttp({ cors: { origins: ['*'] } }).http.cors.origins).toEqual(['*']);
  });

  it.each([
    ['https://Desk.example.com', /"https:\/\/Desk\.example\.com" .* write https:\/\/desk\.example\.com$/],
    ['https://desk.example.com/', /write https:\/\/desk\.example\.com$/],
    ['https://desk.example.com/app', /write https:\/\/desk\.example\.com$/],
    ['https://desk.example.com:443', /write https:\/\/desk\.example\.com$/],
    ['desk.example.com', /is not an origin: write scheme:\/\/host\[:port\]/],
    ['null', /is not an origin: write scheme:\/\/host\[:port\]/],
    ['ftp://files.example.com', /must start with https:\/\/ or http:\/\//],
    ['https://*.example.com', /wildcards in a host are not supported/],
    [42, /42 is not an origin/],
  ])('stops on the origin %j, naming http.cors.origins', (origin, message) => {
    const load = (): unknown => loadWithHttp({ cors: { origins: [origin] } });
    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow(/http\.cors\.origins: /);
    expect(load).toThrow(message);
  });

  it.each([
    [{ origins: ['*'], credentials: true }, /http\.cors\.origins: "\*" cannot be used with credentials/],
    [{ origins: ['*', 'https://desk.example.com'] }, /http\.cors\.origins: "\*" already allows every origin/],
    [{ origins: 'https://desk.example.com' }, /http\.cors\.origins: must be a list of origins/],
    [{ credentials: 'yes' }, /http\.cors\.credentials: credentials must be a boolean/],
    [{ maxAgeSeconds: -1 }, /http\.cors\.maxAgeSeconds: maxAgeSeconds must not be less than 0/],
    [{ maxAgeSeconds: 100_000 }, /http\.cors\.maxAgeSeconds: maxAgeSeconds must not be greater than 86400/],
    [{ origin: ['https://desk.example.com'] }, /http\.cors\.origin: property origin should not exist/],
  ])('stops on cors %j naming the field', (cors, message) => {
    expect(() => loadWithHttp({ cors })).toThrow(message);
  });
});
