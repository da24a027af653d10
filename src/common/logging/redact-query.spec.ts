import { isSensitiveParameter, redactQuery, redactUrl } from './redact-query.js';
import { serializeRequest } from './serialize-request.js';

const KEY = 'er_kYF5eP_sDkGZZRPiJ7LzqrnwV0RaWyfnjxV-lKe90-E';

describe('redactUrl', () => {
  it.each([
    [`/positions?token=${KEY}`, '/positions?token=[redacted]'],
    [`/orders?limit=3&api_key=${KEY}&account=paper`, '/orders?limit=3&api_key=[redacted]&account=paper'],
    [
      `/x?access_token=${KEY}&apikey=${KEY}&key=${KEY}`,
      '/x?access_token=[redacted]&apikey=[redacted]&key=[redacted]',
    ],
    [
      `/x?apiKey=${KEY}&API-KEY=${KEY}&Token=${KEY}`,
      '/x?apiKey=[redacted]&API-KEY=[redacted]&Token=[redacted]',
    ],
    [`/x?%74oken=${KEY}&token[]=${KEY}`, '/x?%74oken=[redacted]&token[]=[redacted]'],
    [`/x?token=${encodeURIComponent(KEY)}#top`, '/x?token=[redacted]#top'],
    ['/x?symbol=BTCUSDT&keyword=kept&tokens=kept', '/x?symbol=BTCUSDT&keyword=kept&tokens=kept'],
    ['/x?token', '/x?token'],
    ['/positions', '/positions'],
  ])('%s is logged as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it('survives malformed percent-encoding', () => {
    expect(redactUrl(`/x?%E0%A4%A=1&token=${KEY}`)).toBe('/x?%E0%A4%A=1&token=[redacted]');
  });
});

describe('redactQuery and the request serializer', () => {
  it('names credential parameters however they are spelled', () => {
    for (const name of ['token', 'api_key', 'access_token', 'apikey', 'key', 'X-Api-Key', 'password'])
      expect(isSensitiveParameter(name)).toBe(true);
    for (const name of ['symbol', 'keys', 'monkey', 'cursor']) expect(isSensitiveParameter(name)).toBe(false);
  });

  it('rewrites url, query and Referer of the logged copy, never the live request', () => {
    const query = { token: KEY, symbol: 'BTCUSDT' };
    const headers = { referer: `http://ui.local/?api_key=${KEY}`, authorization: 'Bearer x' };
    const logged = serializeRequest({ url: `/market/ticker?symbol=BTCUSDT&token=${KEY}`, query, headers });
    expect(logged).toEqual({
      url: '/market/ticker?symbol=BTCUSDT&token=[redacted]',
      query: { token: '[redacted]', symbol: 'BTCUSDT' },
      headers: { referer: 'http://ui.local/?api_key=[redacted]', authorization: 'Bearer x' },
    });
    expect(query.token).toBe(KEY);
    expect(headers.referer).toContain(KEY);
    expect(redactQuery(undefined)).toBeUndefined();
  });
});
