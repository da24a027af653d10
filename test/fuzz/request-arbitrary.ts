import fc from 'fast-check';
import { hostileJson, hostileString, queryValue } from './hostile-values.js';
import type { FuzzOperation, SchemaObject } from './openapi-operations.js';

export interface FuzzRequest {
  readonly method: string;
  /** Path and query, already encoded as they go on the wire. */
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Every byte but the unreserved ones as %XX, lone surrogates too (as U+FFFD): no string makes it throw. */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
];

/** A value the schema allows, so that other fields' faults are what the request is about. */
function validValue(schema: SchemaObject): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.type === 'boolean') return fc.boolean();
  if (schema.type === 'array' && schema.items?.enum)
    return fc.subarray([...schema.items.enum], { minLength: 1 });
  if (schema.format === 'decimal') return fc.constantFrom('0.001', '1000', '65000.5', 2);
  if (schema.example !== undefined) return fc.constant(schema.example);
  return fc.string({ minLength: 1, maxLength: 12 });
}

/** Each field left out, valid, or hostile; sometimes keys the schema never names. */
function bodyObject(schema: SchemaObject): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fc.oneof(
      { weight: 2, arbitrary: validValue(property).map((value) => [name, value] as const) },
      { weight: 2, arbitrary: hostileJson.map((value) => [name, value] as const) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  );
  const extra = fc.array(
    fc.tuple(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor')), hostileJson),
    {
      maxLength: 3,
    },
  );
  return fc.tuple(fc.tuple(...fields), extra).map(([chosen, extras]) => {
    // No prototype: `__proto__` and `constructor` are then plain keys, sent as a hostile client sends them.
    const body = Object.create(null) as Record<string, unknown>;
    for (const entry of chosen) if (entry) body[entry[0]] = entry[1];
    for (const [key, value] of extras) body[key] = value;
    return body;
  });
}

function bodyText(operation: FuzzOperation): fc.Arbitrary<string | undefined> {
  const schema = operation.body;
  if (!schema)
    return fc.oneof(
      fc.constant(undefined),
      hostileJson.map((value) => JSON.stringify(value)),
    );
  return fc.oneof(
    { weight: 6, arbitrary: bodyObject(schema).map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '', 'null', '[]', '"x"', '{"symbol":"BTCUSDT",}') },
    // Deeper than JSON.stringify of a value goes in a test process: written as text.
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    },
  );
}

function pathSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.uuid(),
    hostileString.map(percentEncode),
    fc.constantFrom('%', '%zz', '%00', '..', 'key_unknown', 'a'.repeat(101), '%E0%A4%A'),
  );
}

function queryString(operation: FuzzOperation): fc.Arbitrary<string> {
  const declared = operation.queryParameters.map((parameter) =>
    fc.option(
      queryValue(parameter.name).map((value) => `${parameter.name}=${percentEncode(value)}`),
      {
        nil: undefined,
      },
    ),
  );
  const extra = fc.array(
    fc.oneof(
      fc
        .tuple(hostileString, hostileString)
        .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`),
      fc.constantFrom('limit=1&limit=2', 'token=er_leak', 'api_key=er_leak', 'a[b]=1', '%=%', 'symbol=%zz'),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...declared), extra).map(([chosen, extras]) => {
    const parts = [...chosen.filter((part): part is string => part !== undefined), ...extras];
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

/** One request to `operation`, with the admin key most of the time so that validation is what it meets. */
export function requestFor(operation: FuzzOperation, adminKey: string): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...operation.pathParameters.map(() => pathSegment()));
  const authorization = fc.oneof(
    { weight: 8, arbitrary: fc.constant(`Bearer ${adminKey}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'Bearer ',
        'Bearer er_wrong',
        'Basic Zm9vOmJhcg==',
        `bearer ${adminKey}`,
      ),
    },
  );
  const contentType = operation.body
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant(CONTENT_TYPES[0]!) },
        { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      )
    : fc.constantFrom(...CONTENT_TYPES);
  const version = fc.oneof(
    { weight: 8, arbitrary: fc.constant('1') },
    { weight: 1, arbitrary: fc.constantFrom('2', 'x', '') },
  );
  return fc
    .record({
      segments,
      query: queryString(operation),
      body: bodyText(operation),
      authorization,
      contentType,
      version,
    })
    .map(({ segments: values, query, body, authorization: auth, contentType: type, version: apiVersion }) => {
      let path = operation.path;
      operation.pathParameters.forEach((name, index) => (path = path.replace(`{${name}}`, values[index]!)));
      const headers: Record<string, string> = { 'X-Edgerunner-API-Version': apiVersion };
      if (auth) headers.Authorization = auth;
      if (body !== undefined) headers['Content-Type'] = type;
      return { method: operation.method, target: `${path}${query}`, headers, body };
    });
}
