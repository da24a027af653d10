import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorEnvelope } from './api-envelope.js';
import { API_VERSION_HEADER, CURRENT_API_VERSION, REQUEST_ID_HEADER } from './api-version.js';

/** Fastify's default; named in the refusal so a client knows what to shorten. */
export const MAX_PARAM_LENGTH = 100;

/**
 * What Fastify's router refuses before any route, hook or Nest filter runs (a malformed URL, an over-long
 * path parameter), answered in the envelope like everything else, without Fastify's internal codes.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // The app's onSend hook does not run for what the router refuses: stamp its headers here.
  void reply.header(API_VERSION_HEADER, CURRENT_API_VERSION).header(REQUEST_ID_HEADER, request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.code(414).send(errorEnvelope(`A path segment is longer than ${MAX_PARAM_LENGTH} characters`));
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.code(400).send(errorEnvelope('The URL is malformed: % must be followed by two hex digits'));
    return;
  }
  void reply.code(400).send(errorEnvelope('The request could not be routed'));
}

function rawErrorResponse(status: number, message: string): string {
  const body = JSON.stringify(errorEnvelope(message));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (malformed HTTP, headers or a URL over
 * Node's 16 KB limit, a client too slow to send them), answered in the envelope on the raw socket.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request line and headers are larger than 16 KB: shorten the query string or the headers']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive']
        : [400, 'The request is not valid HTTP'];
  socket.end(rawErrorResponse(status, message));
}
