import type { FastifyCorsOptions } from '@fastify/cors';
import type { ServerOptions } from 'socket.io';
import { ANY_ORIGIN, type CorsConfig } from '../../config/http-config.schema.js';
import { API_VERSION_HEADER, REQUEST_ID_HEADER } from './api-version.js';

/** What a browser page may send: the key, a JSON or CSV body, its request id and the version it pins. */
const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  REQUEST_ID_HEADER,
  API_VERSION_HEADER,
];

/** What a page may read beyond the CORS-safelisted headers: ids, the version, and the /trade budget. */
const CORS_EXPOSED_HEADERS = [
  REQUEST_ID_HEADER,
  API_VERSION_HEADER,
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Content-Disposition',
];

const CORS_METHODS = ['GET', 'HEAD', 'POST', 'DELETE'];

/**
 * The Access-Control-Allow-Origin a request from `origin` gets, or false for none. A request with no
 * Origin is no browser's cross-origin call and gets no CORS header either, "*" or not.
 */
function allowedOrigin(cors: CorsConfig, origin: string | undefined): string | false {
  if (origin === undefined) return false;
  if (cors.origins.includes(ANY_ORIGIN)) return ANY_ORIGIN;
  return cors.origins.includes(origin) ? origin : false;
}

/**
 * @fastify/cors's options for the REST API, or undefined when no origin is configured (CORS off: the
 * plugin is not registered, so nothing answers a preflight). An origin not listed gets no CORS header
 * at all, and its preflight finds no route: the 404 envelope.
 */
export function httpCorsOptions(cors: CorsConfig): FastifyCorsOptions | undefined {
  if (cors.origins.length === 0) return undefined;
  return {
    origin: (origin, callback) => callback(null, allowedOrigin(cors, origin)),
    credentials: cors.credentials,
    methods: CORS_METHODS,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: cors.maxAgeSeconds,
    // A listed origin's OPTIONS without Access-Control-Request-Method would get a text/plain 400.
    strictPreflight: false,
  };
}

/**
 * The same policy for Socket.IO's HTTP long-polling transport (WebSocket upgrades are not subject to
 * CORS; the stream's API key is what guards them). Undefined when off: Socket.IO sends no CORS header.
 */
export function socketCorsOptions(cors: CorsConfig): ServerOptions['cors'] {
  if (cors.origins.length === 0) return undefined;
  return {
    origin: (origin, callback) => callback(null, allowedOrigin(cors, origin)),
    credentials: cors.credentials,
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    maxAge: cors.maxAgeSeconds,
  };
}
