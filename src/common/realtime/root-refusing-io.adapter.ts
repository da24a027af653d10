import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { socketRefusal } from './socket-refusal.js';

/**
 * Socket.IO with its root namespace `/` closed. Socket.IO always serves `/`, and there a client needs no
 * key: it would hold a connection and find nothing but whatever a broadcast to `/` may one day carry. Every
 * gateway has a namespace of its own (/ws/broker), so a connection to `/` is refused, key or not.
 */
export class RootRefusingIoAdapter extends IoAdapter {
  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, options);
    server.of('/').use((_socket, next) => {
      next(socketRefusal('The root namespace serves nothing: connect to /ws/broker', 'not_found'));
    });
    return server;
  }
}
