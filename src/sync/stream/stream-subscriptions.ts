import { Injectable } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { AccountRegistry } from '../../broker/account-registry.js';
import type { SubscriptionDto } from './dto/subscription.dto.js';
import type { SubscriptionView } from './dto/subscription.view.js';
import { isServerWide, SERVER_WIDE, STREAM_CHANNELS, type StreamChannel } from './stream-channel.js';
import { StreamPublisher } from './stream-publisher.js';
import { keyOfRoom, roomOf, type StreamKey } from './stream-rooms.js';
import { ServerWideStreams } from './server-wide-streams.js';

/** Which streams each socket follows (its Socket.IO rooms), and their snapshots on the way in. */
@Injectable()
export class StreamSubscriptions {
  constructor(
    private readonly registry: AccountRegistry,
    private readonly publisher: StreamPublisher,
    private readonly serverWide: ServerWideStreams,
  ) {}

  attach(namespace: Namespace): void {
    this.publisher.attach(namespace);
    this.serverWide.attach(namespace);
  }

  /** Joins each stream asked for, then sends its snapshot: deltas after the snapshot's seq follow. */
  async subscribe(socket: Socket, request: SubscriptionDto): Promise<SubscriptionView> {
    const keys = await this.keysOf(request);
    for (const key of keys) {
      await socket.join(roomOf(key));
      await this.sendSnapshot(socket, key);
    }
    return this.view(socket);
  }

  async unsubscribe(socket: Socket, request: SubscriptionDto): Promise<SubscriptionView> {
    const wanted = this.filterOf(request);
    for (const key of this.followed(socket).filter(wanted)) await socket.leave(roomOf(key));
    return this.view(socket);
  }

  /** A fresh snapshot of every followed stream the request names (all of them by default). */
  async resync(socket: Socket, request: SubscriptionDto): Promise<SubscriptionView> {
    const wanted = this.filterOf(request);
    for (const key of this.followed(socket).filter(wanted)) await this.sendSnapshot(socket, key);
    return this.view(socket);
  }

  /** Which followed streams a request names: each list it leaves out matches everything. */
  private filterOf(request: SubscriptionDto): (key: StreamKey) => boolean {
    const accounts = request.accounts ? new Set(this.accounts(request)) : undefined;
    const channels = new Set<StreamChannel>(request.channels ?? STREAM_CHANNELS);
    const symbols = request.symbols ? new Set(request.symbols) : undefined;
    return (key) =>
      (!accounts || key.account === SERVER_WIDE || accounts.has(key.account)) &&
      channels.has(key.channel) &&
      (!symbols || key.channel !== 'prices' || symbols.has(key.symbol ?? ''));
  }

  private async keysOf(request: SubscriptionDto): Promise<StreamKey[]> {
    const channels = request.channels ?? [...STREAM_CHANNELS];
    const keys: StreamKey[] = channels
      .filter(isServerWide)
      .map((channel) => ({ channel, account: SERVER_WIDE }));
    for (const account of this.accounts(request)) {
      for (const channel of channels) {
        if (isServerWide(channel)) continue;
        if (channel !== 'prices') {
          keys.push({ channel, account });
          continue;
        }
        const symbols =
          request.symbols ??
          (await this.registry.resolve(account).listInstruments()).map((instrument) => instrument.symbol);
        for (const symbol of symbols) keys.push({ channel, account, symbol });
      }
    }
    return keys;
  }

  /** The accounts asked for, each checked (an unknown one is a 404), or every account. */
  private accounts(request: SubscriptionDto): string[] {
    if (!request.accounts) return this.registry.list().map(({ config }) => config.name);
    return request.accounts.map((name) => this.registry.resolveAccount(name).config.name);
  }

  private sendSnapshot(socket: Socket, key: StreamKey): Promise<void> {
    return isServerWide(key.channel)
      ? this.serverWide.sendSnapshot(socket, key.channel)
      : this.publisher.sendSnapshot(socket, key);
  }

  private followed(socket: Socket): StreamKey[] {
    return [...socket.rooms].flatMap((room) => {
      const key = keyOfRoom(room);
      return key ? [key] : [];
    });
  }

  private view(socket: Socket): SubscriptionView {
    const grouped = new Map<string, { account: string; channel: StreamChannel; symbols?: string[] }>();
    for (const key of this.followed(socket)) {
      const id = `${key.account}|${key.channel}`;
      const entry = grouped.get(id) ?? { account: key.account, channel: key.channel };
      if (key.symbol !== undefined) entry.symbols = [...(entry.symbols ?? []), key.symbol];
      grouped.set(id, entry);
    }
    return { subscriptions: [...grouped.values()] };
  }
}
