import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RiskStateChanges } from './risk-state-changes.js';

const CHANNEL = 'edgerunner:risk-state';

/**
 * Risk state changes announced to every replica over Redis pub/sub. A subscriber that reconnects may have
 * missed messages meanwhile, so it tells its listeners to forget everything.
 */
export class RedisRiskStateChanges extends RiskStateChanges implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisRiskStateChanges.name);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners: { heard: (account: string) => void; lost: () => void }[] = [];

  constructor(url: string) {
    super();
    this.publisher = new Redis(url, { maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url);
    this.subscriber.on('message', (_channel: string, account: string) => {
      for (const listener of this.listeners) listener.heard(account);
    });
    // 'ready' comes again after every reconnect: what was published while away is gone.
    this.subscriber.on('ready', () => {
      for (const listener of this.listeners) listener.lost();
    });
    this.subscriber.on('error', (error: Error) =>
      this.logger.warn(`Redis subscriber for risk state changes: ${error.message}`),
    );
    this.subscriber
      .subscribe(CHANNEL)
      .catch((error: unknown) =>
        this.logger.error(`Cannot subscribe to ${CHANNEL}: ${(error as Error).message}`),
      );
  }

  async announce(account: string): Promise<void> {
    // This process first and at once; the other replicas as soon as Redis delivers.
    for (const listener of this.listeners) listener.heard(account);
    // Unheard, the other replicas still re-read within RISK_STATE_MAX_AGE_MS: the write stands.
    await this.publisher
      .publish(CHANNEL, account)
      .catch((error: unknown) =>
        this.logger.warn(`Cannot announce a risk state change of ${account}: ${(error as Error).message}`),
      );
  }

  listen(listener: (account: string) => void, lost: () => void): void {
    this.listeners.push({ heard: listener, lost });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
