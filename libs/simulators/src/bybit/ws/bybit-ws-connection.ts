import { randomBytes, randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { BybitAccount } from '../account/bybit-account.js';
import type { BybitCategory } from '../bybit-simulator-config.js';

/** Which stream a socket opened: `/v5/private`, or `/v5/public/{linear|spot}`. */
export type BybitStream =
  { readonly kind: 'private' } | { readonly kind: 'public'; readonly category: BybitCategory };

/** One client socket and what it asked for. */
export class BybitWsConnection {
  /** Bybit's conn_id: private ids look like "cejreaspqfh3sjdnldmg-p", public ones are UUIDs. */
  readonly connId: string;
  readonly topics = new Set<string>();
  account: BybitAccount | null = null;
  /** Last ticker fields sent per topic: linear tickers push only what changed since. */
  readonly lastTicker = new Map<string, Record<string, string>>();
  /** Start of the last kline bar pushed per topic, to close it (confirm: true) when the next begins. */
  readonly lastBarStart = new Map<string, number>();

  constructor(
    readonly socket: WebSocket,
    readonly stream: BybitStream,
  ) {
    this.connId = stream.kind === 'private' ? `${randomBytes(10).toString('hex')}-p` : randomUUID();
  }

  /** Sends one JSON text frame (compact, as Bybit sends; binary frames would be dropped by clients). */
  send(message: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
