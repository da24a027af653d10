import { SerialQueue } from '#async';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { SERVER_WIDE } from './stream-channel.js';
import type { StreamEvent } from './stream-event.js';
import { roomOf, sequenceOf, type StreamKey } from './stream-rooms.js';
import { CLUSTER_SEQUENCER, StreamSequencer } from './stream-sequencer.js';

const KEY: StreamKey = { channel: 'backtests', account: SERVER_WIDE };

/**
 * The `backtests` channel: backtest jobs' progress, fed by the strategy module (which sits above sync and
 * so hands in its snapshot and its deltas rather than being called). A job may run in any API process
 * (BullMQ), so the channel is numbered by the cluster sequencer and sent through the Socket.IO adapter,
 * as `orders` is.
 */
@Injectable()
export class BacktestStream {
  private readonly logger = new Logger(BacktestStream.name);
  private readonly queue = new SerialQueue();
  private namespace: Namespace | undefined;
  private snapshot: () => Promise<unknown> = () => Promise.resolve({ backtests: [] });

  constructor(@Inject(CLUSTER_SEQUENCER) private readonly sequencer: StreamSequencer) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** What a subscriber gets first: the jobs as they are now. */
  setSnapshotSource(source: () => Promise<unknown>): void {
    this.snapshot = source;
  }

  /** One job's change; numbered and sent in the order published. */
  publish(data: unknown): void {
    void this.queue.run(async () => {
      const namespace = this.namespace;
      if (!namespace) return;
      try {
        const [seq, epoch] = await Promise.all([
          this.sequencer.next(sequenceOf(KEY)),
          this.sequencer.epoch(),
        ]);
        namespace.to(roomOf(KEY)).emit('backtests', this.event('delta', seq, epoch, data));
      } catch (error) {
        // Subscribers see the gap at the next event and resync.
        this.logger.error(`A backtest event was not streamed: ${(error as Error).message}`);
      }
    });
  }

  /** The seq is read before the jobs are, so the snapshot holds at least everything up to it. */
  async sendSnapshot(socket: Socket): Promise<void> {
    const sequence = sequenceOf(KEY);
    const [seq, epoch] = await Promise.all([this.sequencer.current(sequence), this.sequencer.epoch()]);
    socket.emit('backtests', this.event('snapshot', seq, epoch, await this.snapshot()));
  }

  private event(type: StreamEvent['type'], seq: number, epoch: string, data: unknown): StreamEvent {
    return {
      channel: 'backtests',
      account: SERVER_WIDE,
      type,
      seq,
      epoch,
      ts: new Date().toISOString(),
      data,
    };
  }
}
