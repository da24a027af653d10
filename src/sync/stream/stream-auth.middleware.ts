import type { Socket } from 'socket.io';
import type { ApiKeyPrincipal } from '../../auth/api-key-record.js';
import { scopesGrant } from '../../auth/api-key-scope.js';
import type { ApiKeyService } from '../../auth/api-key.service.js';
import { socketRefusal as refusal } from '../../common/realtime/socket-refusal.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The key a client sent: `auth: { token }` in the handshake, or an `Authorization: Bearer` header. */
function tokenOf(socket: Socket): string | undefined {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token !== '') return auth.token;
  const header = socket.handshake.headers.authorization;
  return typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
}

/**
 * Socket.IO middleware: a connection needs a key with the `read` scope. A refused client gets
 * `connect_error` with the reason (and the envelope in `error.data`) and is not connected.
 */
export function streamAuthMiddleware(keys: ApiKeyService) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const token = tokenOf(socket);
    if (!token) {
      next(refusal('Missing API key: connect with auth: { token: "<key>" }', 'unauthenticated'));
      return;
    }
    keys.authenticate(token).then(
      (principal: ApiKeyPrincipal | undefined) => {
        if (!principal) next(refusal('Unknown or revoked API key', 'unauthenticated'));
        else if (!scopesGrant(principal.scopes, 'read'))
          next(refusal('This API key lacks the "read" scope', 'forbidden'));
        else {
          (socket.data as { apiKey?: ApiKeyPrincipal }).apiKey = principal;
          next();
        }
      },
      (error: unknown) =>
        next(refusal(`Authentication failed: ${(error as Error).message}`, 'unauthenticated')),
    );
  };
}
