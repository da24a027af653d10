import type { INestApplicationContext } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { RootRefusingIoAdapter } from './root-refusing-io.adapter.js';

/**
 * Socket.IO over Redis pub/sub: an event broadcast by one API process reaches the subscribers of every
 * process, so any replica can serve any client.
 */
export class RedisIoAdapter extends RootRefusingIoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(app: INestApplicationContext, url: string, cors?: ServerOptions['cors']) {
    super(app, cors);
    // ioredis queues commands until connected, so the server can be built before Redis answers.
    this.pub = new Redis(url, { maxRetriesPerRequest: 2 });
    this.sub = this.pub.duplicate();
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.pub, this.sub));
    return server;
  }

  override async dispose(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
