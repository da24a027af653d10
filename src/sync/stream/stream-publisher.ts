import { SerialQueue } from '#async';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import type { Fill, Ticker } from '#brokers';
import { AccountRegistry } from '../../broker/account-registry.js';
import type { Configuration } from '../../config/configuration.js';
import type { OrderView } from '../../orders/dto/order.view.js';
import { OrderChanges } from '../../orders/order-changes.js';
import { OrderService } from '../../orders/order.service.js';
import type { StateChannel } from '../live/live-channel.js';
import { LiveStateService } from '../live/live-state.service.js';
import type { LiveUpdate } from '../live/live-update.js';
import { LocalStreamSequencer } from './local-stream-sequencer.js';
import { PriceCoalescer } from './price-coalescer.js';
import type { StreamEvent } from './stream-event.js';
import { roomOf, sequenceOf, type StreamKey } from './stream-rooms.js';
import { CLUSTER_SEQUENCER, StreamSequencer } from './stream-sequencer.js';

/** `orders` deltas: an order as stored after a change, or one execution. */
export type OrdersDelta =
  { readonly kind: 'order'; readonly order: OrderView } | { readonly kind: 'fill'; readonly fill: Fill };

/**
 * Turns live state changes, stored order changes and fills into numbered stream events and sends them to
 * the rooms of their subscribers. Order events go to every API process (through the Socket.IO Redis adapter
 * when configured) and are numbered by the shared sequencer; state channels are served by each process
 * from its own view of the brokers. Quotes are coalesced per symbol; orders and fills never are.
 */
@Injectable()
export class StreamPublisher implements OnModuleDestroy {
  private readonly logger = new Logger(StreamPublisher.name);
  private readonly subscriptions = new Subscription();
  private readonly prices: PriceCoalescer;
  private readonly recentOrders: number;
  private namespace: Namespace | undefined;
  /** Order events of one account are numbered and sent one after another, in the order they happened. */
  private readonly orderQueues = new Map<string, SerialQueue>();

  constructor(
    private readonly live: LiveStateService,
    private readonly orders: OrderService,
    private readonly local: LocalStreamSequencer,
    @Inject(CLUSTER_SEQUENCER) private readonly cluster: StreamSequencer,
    registry: AccountRegistry,
    changes: OrderChanges,
    config: ConfigService<Configuration, true>,
  ) {
    const { pricesMaxHz, recentOrders } = config.get('stream', { infer: true });
    this.recentOrders = recentOrders;
    this.prices = new PriceCoalescer(1000 / pricesMaxHz, (account, ticker) =>
      this.sendPrice(account, ticker),
    );
    this.subscriptions.add(live.updates.subscribe((update) => this.onLiveUpdate(update)));
    this.subscriptions.add(
      changes.changes.subscribe((order) => this.sendOrders(order.account, { kind: 'order', order })),
    );
    this.subscriptions.add(
      registry.events.subscribe((event) => {
        if (event.type === 'fill') this.sendOrders(event.account, { kind: 'fill', fill: event.fill });
      }),
    );
  }

  /** Called by the gateway once its namespace exists. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  onModuleDestroy(): void {
    this.subscriptions.unsubscribe();
    this.prices.close();
  }

  /**
   * Sends `socket` the current state of one stream. The socket has joined the stream's room already, so
   * nothing after this snapshot's seq can be missed; for `orders` the seq is read before the orders are,
   * so the snapshot holds at least everything up to its seq.
   */
  async sendSnapshot(socket: Socket, key: StreamKey): Promise<void> {
    if (key.channel === 'orders') {
      const sequence = sequenceOf(key);
      const [seq, epoch] = await Promise.all([this.cluster.current(sequence), this.cluster.epoch()]);
      const orders = await this.orders.openAndRecent(key.account, this.recentOrders);
      socket.emit('orders', this.event(key, 'snapshot', seq, epoch, { orders }));
      return;
    }
    // State channels: the data and its seq are read in one turn of the event loop, so they agree.
    const seq = this.local.currentSync(sequenceOf(key));
    socket.emit(key.channel, this.event(key, 'snapshot', seq, this.local.epochSync(), this.stateOf(key)));
  }

  private stateOf(key: StreamKey): unknown {
    const channel = key.channel as StateChannel;
    switch (channel) {
      case 'account':
        return this.live.accountView(key.account);
      case 'positions':
        return this.live.positionsView(key.account);
      case 'pnl':
        return this.live.pnlView(key.account);
      case 'prices': {
        const symbol = key.symbol ?? '';
        return { symbol, ticker: this.live.pricesView(key.account, [symbol])[0]?.ticker ?? null };
      }
    }
  }

  private onLiveUpdate(update: LiveUpdate): void {
    if (update.channel === 'prices') {
      this.prices.offer(update.account, update.data.ticker);
      return;
    }
    this.sendState({ channel: update.channel, account: update.account }, update.data);
  }

  private sendPrice(account: string, ticker: Ticker): void {
    // Not volatile: Socket.IO drops a volatile packet whenever the socket is mid-write, which would lose
    // every quote but the first of a burst across symbols. The coalescer bounds what a client is sent.
    this.sendState({ channel: 'prices', account, symbol: ticker.symbol }, { symbol: ticker.symbol, ticker });
  }

  private sendState(key: StreamKey, data: unknown): void {
    const namespace = this.namespace;
    if (!namespace) return;
    const seq = this.local.nextSync(sequenceOf(key));
    const event = this.event(key, 'delta', seq, this.local.epochSync(), data);
    namespace.local.to(roomOf(key)).emit(key.channel, event);
  }

  private sendOrders(account: string, data: OrdersDelta): void {
    const key: StreamKey = { channel: 'orders', account };
    let queue = this.orderQueues.get(account);
    if (!queue) this.orderQueues.set(account, (queue = new SerialQueue()));
    void queue.run(async () => {
      const namespace = this.namespace;
      if (!namespace) return;
      try {
        const [seq, epoch] = await Promise.all([this.cluster.next(sequenceOf(key)), this.cluster.epoch()]);
        namespace.to(roomOf(key)).emit('orders', this.event(key, 'delta', seq, epoch, data));
      } catch (error) {
        // Subscribers will see the gap this leaves at the next event and resync.
        this.logger.error(
          `An ${data.kind} event of "${account}" was not streamed: ${(error as Error).message}`,
        );
      }
    });
  }

  private event<T>(
    key: StreamKey,
    type: StreamEvent['type'],
    seq: number,
    epoch: string,
    data: T,
  ): StreamEvent<T> {
    return {
      channel: key.channel,
      account: key.account,
      type,
      seq,
      epoch,
      ts: new Date().toISOString(),
      data,
    };
  }
}
