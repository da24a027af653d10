import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { BybitAccount } from '../account/bybit-account.js';
import type { BybitPrivatePush } from '../account/bybit-private-push.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import type { BybitMarket } from '../market/bybit-market.js';
import type { SerialQueue } from '#async';
import { BybitPublicFeed } from './bybit-public-feed.js';
import { type BybitStream, BybitWsConnection } from './bybit-ws-connection.js';
import { handleWsFrame } from './bybit-ws-protocol.js';

export interface BybitWsServerDeps {
  readonly registry: BybitInstrumentRegistry;
  readonly market: BybitMarket;
  readonly accountByKey: (apiKey: string) => BybitAccount | undefined;
  readonly queue: SerialQueue;
  readonly now: () => number;
}

/** The stream paths served (docs/v5/websocket/wss-authentication.mdx "Connect"). */
const STREAMS: Readonly<Record<string, BybitStream>> = {
  '/v5/private': { kind: 'private' },
  '/v5/public/linear': { kind: 'public', category: 'linear' },
  '/v5/public/spot': { kind: 'public', category: 'spot' },
};

/**
 * The WebSocket half: the private stream (auth, then order/execution/position/wallet pushes of the
 * authenticated account) and the public linear and spot streams, on the HTTP server's upgrade. Frames
 * are handled on the simulator's queue, in turn with REST calls and price moves, so a subscription
 * never sees half an operation.
 */
export class BybitWsServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<BybitWsConnection>();
  private readonly feed: BybitPublicFeed;
  private refuseUntilMs = 0;

  constructor(private readonly deps: BybitWsServerDeps) {
    this.feed = new BybitPublicFeed(deps.registry, deps.market, deps.now);
  }

  /** Starts the public feed's bookkeeping; call once the market has its first quotes. */
  start(): void {
    this.feed.start();
  }

  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.upgrade(request, socket, head),
    );
  }

  /** Open sockets. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * Test hook: terminates every socket at once, as a network drop does (no close frame), and answers
   * new upgrades with HTTP 503 for `refuseReconnectsForMs`. Returns how many sockets were dropped.
   */
  dropAll(refuseReconnectsForMs = 0): number {
    this.refuseUntilMs = Date.now() + refuseReconnectsForMs;
    const dropped = this.connections.size;
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    return dropped;
  }

  /** A private push of one account: to each of its authenticated sockets subscribed to the topic. */
  pushPrivate(push: BybitPrivatePush): void {
    const topics = push.category === null ? [push.topic] : [push.topic, `${push.topic}.${push.category}`];
    for (const connection of this.connections) {
      if (connection.stream.kind !== 'private' || connection.account?.uid !== push.uid) continue;
      for (const topic of topics) {
        if (!connection.topics.has(topic)) continue;
        connection.send({ id: pushId(push), topic, creationTime: push.creationTime, data: push.data });
      }
    }
  }

  /** A new quote: the public subscribers of its instrument hear of it. */
  async publishQuote(instrument: BybitInstrument): Promise<void> {
    const subscribers = [...this.connections].filter(
      (connection) =>
        connection.stream.kind === 'public' && connection.stream.category === instrument.category,
    );
    await this.feed.onQuote(instrument, subscribers);
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const stream = STREAMS[path];
    if (!stream || Date.now() < this.refuseUntilMs) {
      // Never 401: bybit-api stops reconnecting on it. 503 is the outage a reconnect should ride out.
      socket.end(
        stream
          ? 'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n'
          : 'HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n',
      );
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new BybitWsConnection(ws, stream);
      this.connections.add(connection);
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        const raw = Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Array.isArray(data)
            ? Buffer.concat(data).toString('utf8')
            : Buffer.from(data).toString('utf8');
        void this.deps.queue
          .run(() =>
            handleWsFrame(connection, raw, {
              registry: this.deps.registry,
              accountByKey: this.deps.accountByKey,
              now: this.deps.now,
              subscribed: async (subscriber, topics) => {
                for (const topic of topics) await this.feed.snapshot(subscriber, topic);
              },
            }),
          )
          .catch(() => ws.terminate());
      });
      ws.on('close', () => this.connections.delete(connection));
      ws.on('error', () => this.connections.delete(connection));
    });
  }
}

let pushSequence = 0;

/** Bybit's push ids are opaque strings: uid, topic and a sequence make them unique here. */
function pushId(push: BybitPrivatePush): string {
  pushSequence += 1;
  return `${push.uid}-${push.topic}-${push.creationTime}-${pushSequence}`;
}
