/** What a credential in a query string is called, compared without case, `-`, `_` or a `[]` suffix. */
const SENSITIVE_NAMES = new Set([
  'token',
  'accesstoken',
  'apikey',
  'xapikey',
  'key',
  'secret',
  'password',
  'auth',
  'authorization',
]);

export const REDACTED = '[redacted]';

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** True for a query parameter that holds a credential: `token`, `api_key`, `access_token`, `apiKey`… */
export function isSensitiveParameter(name: string): boolean {
  return SENSITIVE_NAMES.has(
    decode(name)
      .replace(/\[[^\]]*\]$/, '')
      .replace(/[-_]/g, '')
      .toLowerCase(),
  );
}

/**
 * `url` with the value of each credential-holding query parameter replaced by [redacted]; the path, the
 * other parameters and their order are kept as sent.
 */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const end = url.indexOf('#', start);
  const query = url.slice(start + 1, end < 0 ? undefined : end);
  const redacted = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && isSensitiveParameter(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, start + 1)}${redacted}${end < 0 ? '' : url.slice(end)}`;
}

/** A copy of a parsed query object with the values of credential-holding parameters replaced. */
export function redactQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, isSensitiveParameter(name) ? REDACTED : value]),
  );
}
