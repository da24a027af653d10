import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server, type Namespace } from 'socket.io';
import type { Configuration } from '../../config/configuration.js';
import { ServerWideStreams } from './server-wide-streams.js';
import { STREAM_NAMESPACE } from './stream-namespace.js';

/**
 * The stream's namespace in a process that serves no sockets (the backtest worker): a Socket.IO server
 * bound to no port, on the same Redis adapter as the API servers. What the server-wide channels publish
 * here goes out through Redis and reaches the subscribers of every API process, numbered by the same
 * Redis counters, as if a replica had sent it.
 */
@Injectable()
export class HeadlessStreamNamespace implements OnModuleInit, OnApplicationShutdown {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private namespace: Namespace | undefined;

  constructor(
    private readonly streams: ServerWideStreams,
    config: ConfigService<Configuration, true>,
  ) {
    const { redisUrl } = config.get('server', { infer: true });
    if (redisUrl === undefined)
      throw new Error('A stream namespace without sockets reaches subscribers only through Redis');
    this.pub = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    this.sub = this.pub.duplicate();
  }

  onModuleInit(): void {
    const server = new Server();
    server.adapter(createAdapter(this.pub, this.sub));
    this.namespace = server.of(STREAM_NAMESPACE);
    this.streams.attach(this.namespace);
  }

  async onApplicationShutdown(): Promise<void> {
    // Not Server.close(): that also closes the engine and HTTP server this one never had.
    await Promise.resolve(this.namespace?.adapter.close());
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
