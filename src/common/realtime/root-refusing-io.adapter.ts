import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { socketRefusal } from './socket-refusal.js';

/** A client message's limit: Socket.IO's own default, stated here so the README's figure has a source. */
export const SOCKET_MESSAGE_LIMIT_BYTES = 1_000_000;

/**
 * Socket.IO with its root namespace `/` closed. Socket.IO always serves `/`, and there a client needs no
 * key: it would hold a connection and find nothing but whatever a broadcast to `/` may one day carry. Every
 * gateway has a namespace of its own (/ws/broker), so a connection to `/` is refused, key or not. Every
 * gateway's server also gets the message size limit and the configured CORS policy.
 */
export class RootRefusingIoAdapter extends IoAdapter {
  /** `cors`: the HTTP API's CORS policy for the polling transport; undefined, no CORS header. */
  constructor(
    app: INestApplicationContext,
    private readonly cors?: ServerOptions['cors'],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: SOCKET_MESSAGE_LIMIT_BYTES,
      ...(this.cors === undefined ? {} : { cors: this.cors }),
    } as ServerOptions);
    server.of('/').use((_socket, next) => {
      next(socketRefusal('The root namespace serves nothing: connect to /ws/broker', 'not_found'));
    });
    return server;
  }
}
