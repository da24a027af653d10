import { randomUUID } from 'node:crypto';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { StreamSequencer } from './stream-sequencer.js';

const PREFIX = 'edgerunner:stream:';
const EPOCH_CHECK_MS = 1000;

/**
 * Counters in Redis, shared by every API process, so a client on any replica sees one contiguous `seq`.
 * The epoch is kept beside them: Redis losing its data starts a new epoch instead of reusing numbers.
 */
export class RedisStreamSequencer extends StreamSequencer implements OnApplicationShutdown {
  private cachedEpoch: string | undefined;
  private checkedAt = 0;

  constructor(private readonly redis: Redis) {
    super();
  }

  /** Checked against Redis at most once a second: an event does not pay a round trip for it. */
  async epoch(): Promise<string> {
    if (this.cachedEpoch && Date.now() - this.checkedAt < EPOCH_CHECK_MS) return this.cachedEpoch;
    await this.redis.set(`${PREFIX}epoch`, randomUUID(), 'NX');
    const epoch = await this.redis.get(`${PREFIX}epoch`);
    if (!epoch) throw new Error('Redis lost the stream epoch while it was being set');
    this.cachedEpoch = epoch;
    this.checkedAt = Date.now();
    return epoch;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit();
  }

  next(stream: string): Promise<number> {
    return this.redis.incr(`${PREFIX}seq:${stream}`);
  }

  async current(stream: string): Promise<number> {
    return Number((await this.redis.get(`${PREFIX}seq:${stream}`)) ?? 0);
  }
}
