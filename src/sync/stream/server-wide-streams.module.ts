import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { Configuration } from '../../config/configuration.js';
import { LocalStreamSequencer } from './local-stream-sequencer.js';
import { RedisStreamSequencer } from './redis-stream-sequencer.js';
import { ServerWideStreams } from './server-wide-streams.js';
import { CLUSTER_SEQUENCER } from './stream-sequencer.js';

/**
 * The server-wide channels (`backtests`, `strategies`) and the counters streams are numbered by, apart
 * from the gateway: a process that serves no sockets (the backtest worker) publishes through them too.
 */
@Module({
  providers: [
    LocalStreamSequencer,
    {
      provide: CLUSTER_SEQUENCER,
      inject: [ConfigService, LocalStreamSequencer],
      useFactory: (config: ConfigService<Configuration, true>, local: LocalStreamSequencer) => {
        const { redisUrl } = config.get('server', { infer: true });
        return redisUrl ? new RedisStreamSequencer(new Redis(redisUrl, { maxRetriesPerRequest: 2 })) : local;
      },
    },
    ServerWideStreams,
  ],
  exports: [LocalStreamSequencer, CLUSTER_SEQUENCER, ServerWideStreams],
})
export class ServerWideStreamsModule {}
