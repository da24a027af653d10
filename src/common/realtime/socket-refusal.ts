import { errorEnvelope } from '../http/api-envelope.js';

/** Why a Socket.IO connection is refused, as the stream's `connect_error` data says it. */
export type SocketRefusalCode = 'unauthenticated' | 'forbidden' | 'not_found';

/**
 * An error for a Socket.IO middleware's `next()`: the client gets `connect_error` with this message and,
 * in `error.data`, the envelope every HTTP error has.
 */
export function socketRefusal(message: string, code: SocketRefusalCode): Error & { data: unknown } {
  return Object.assign(new Error(message), { data: errorEnvelope(message, { code }) });
}
