import { redactQuery, redactUrl } from './redact-query.js';

/** pino-http's standard serialization of a request: only the fields rewritten here are named. */
interface SerializedRequest {
  url?: unknown;
  query?: unknown;
  headers?: Record<string, unknown>;
}

/**
 * The request as logged, with credentials sent in the query string (`?token=`, `?api_key=`…) replaced by
 * [redacted] in the url, the parsed query and a Referer. The serialized object is pino's own copy, but
 * its query and headers are the live request's: they are replaced by copies, never edited.
 */
export function serializeRequest<T extends SerializedRequest>(request: T): T {
  if (typeof request.url === 'string') request.url = redactUrl(request.url);
  if (request.query !== undefined) request.query = redactQuery(request.query);
  const referer = request.headers?.referer;
  if (typeof referer === 'string') request.headers = { ...request.headers, referer: redactUrl(referer) };
  return request;
}
