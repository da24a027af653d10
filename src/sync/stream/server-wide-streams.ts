import { SerialQueue } from '#async';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { SERVER_WIDE, type ServerWideChannel } from './stream-channel.js';
import type { StreamEvent } from './stream-event.js';
import { roomOf, sequenceOf, type StreamKey } from './stream-rooms.js';
import { CLUSTER_SEQUENCER, StreamSequencer } from './stream-sequencer.js';

type SnapshotSource = () => Promise<unknown>;

/**
 * The channels that belong to no account: `backtests` (jobs' progress) and `strategies` (live runs and
 * signals), fed by the strategy module, which sits above sync and so hands in each channel's snapshot
 * and deltas rather than being called. A job or a run may live in any API process, so each channel is
 * numbered by the cluster sequencer and sent through the Socket.IO adapter, as `orders` is.
 */
@Injectable()
export class ServerWideStreams implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ServerWideStreams.name);
  private readonly queue = new SerialQueue();
  private readonly snapshots = new Map<ServerWideChannel, SnapshotSource>();
  private namespace: Namespace | undefined;

  constructor(@Inject(CLUSTER_SEQUENCER) private readonly sequencer: StreamSequencer) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** What a subscriber of `channel` gets first: its state as it is now. */
  setSnapshotSource(channel: ServerWideChannel, source: SnapshotSource): void {
    this.snapshots.set(channel, source);
  }

  /** One change on `channel`; numbered and sent in the order published. */
  publish(channel: ServerWideChannel, data: unknown): void {
    const key = keyOf(channel);
    void this.queue.run(async () => {
      const namespace = this.namespace;
      if (!namespace) return;
      try {
        const [seq, epoch] = await Promise.all([
          this.sequencer.next(sequenceOf(key)),
          this.sequencer.epoch(),
        ]);
        namespace.to(roomOf(key)).emit(channel, this.event(channel, 'delta', seq, epoch, data));
      } catch (error) {
        // Subscribers see the gap at the next event and resync.
        this.logger.error(`A ${channel} event was not streamed: ${(error as Error).message}`);
      }
    });
  }

  /**
   * Sends what is still queued before Redis and the sockets close (a backtest worker's last word on a job,
   * handed back to the queue as it shuts down, is published while its queue closes), then lets go of the
   * namespace: anything published later would reach clients and connections already closing.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.drained();
    this.namespace = undefined;
  }

  /** The seq is read before the state is, so the snapshot holds at least everything up to it. */
  async sendSnapshot(socket: Socket, channel: ServerWideChannel): Promise<void> {
    const sequence = sequenceOf(keyOf(channel));
    const [seq, epoch] = await Promise.all([this.sequencer.current(sequence), this.sequencer.epoch()]);
    const source = this.snapshots.get(channel);
    const data = source ? await source() : { [channel]: [] };
    socket.emit(channel, this.event(channel, 'snapshot', seq, epoch, data));
  }

  private event(
    channel: ServerWideChannel,
    type: StreamEvent['type'],
    seq: number,
    epoch: string,
    data: unknown,
  ): StreamEvent {
    return { channel, account: SERVER_WIDE, type, seq, epoch, ts: new Date().toISOString(), data };
  }
}

function keyOf(channel: ServerWideChannel): StreamKey {
  return { channel, account: SERVER_WIDE };
}
