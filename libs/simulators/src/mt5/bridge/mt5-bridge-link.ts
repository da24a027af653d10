import { connect as dial, type Socket } from 'node:net';
import { decodeBridgeMessage, encodeBridgeMessage } from '#brokers/mt5/bridge/bridge-message-codec.js';
import {
  BRIDGE_COMMANDS,
  type BridgeCommand,
  type BridgeMessage,
  type HelloMessage,
  MAX_LINE_BYTES,
  MISSED_HEARTBEATS,
  type RequestMessage,
} from '#brokers/mt5/bridge/bridge-protocol.js';
import { NdjsonLineSplitter } from '#brokers/mt5/bridge/ndjson-line-splitter.js';
import { MQL_ERROR } from '../mt5-codes.js';
import { Mt5BridgeRefusedError } from './mt5-dial-retry.js';

const UNREADABLE = MQL_ERROR.UNREADABLE;

export interface Mt5LinkTarget {
  readonly host: string;
  readonly port: number;
}

export interface Mt5LinkHost {
  /** A request from Edgerunner, after the welcome. */
  request(link: Mt5BridgeLink, request: RequestMessage): void;
  /** A request answered 4014 at once (unknown command, unreadable params): recorded, not run. */
  unreadable(request: RequestMessage): void;
  /** The connection is gone (dropped by either side, or silent too long). */
  closed(link: Mt5BridgeLink): void;
}

/**
 * The bridge EA's one TCP connection to Edgerunner: it dials out (MQL5 sockets cannot listen), says
 * hello, waits for welcome or refused, then answers requests and keeps the heartbeat both ways: a ping
 * every interval, a pong for every ping, and the connection dropped after 3 silent intervals.
 */
export class Mt5BridgeLink {
  private readonly socket: Socket;
  private readonly splitter = new NdjsonLineSplitter(MAX_LINE_BYTES);
  private heartbeat: NodeJS.Timeout | undefined;
  private lastHeardMs = Date.now();
  private welcomed = false;
  private ended = false;

  /** Resolves on welcome; rejects with the refusal's reason, or when the connection fails first. */
  readonly ready: Promise<void>;

  constructor(
    target: Mt5LinkTarget,
    hello: HelloMessage,
    private readonly host: Mt5LinkHost,
    private readonly heartbeatMs: number,
  ) {
    this.socket = dial({ host: target.host, port: target.port });
    this.ready = new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => this.send(hello));
      this.socket.on('data', (chunk: Buffer) => this.receive(chunk, resolve, reject));
      this.socket.on('error', (error) => reject(error));
      this.socket.on('close', () => {
        reject(new Error('the bridge connection closed before welcome'));
        this.end();
      });
    });
    // Nobody has to await `ready` for a connection that fails later.
    this.ready.catch(() => undefined);
  }

  get open(): boolean {
    return this.welcomed && !this.ended;
  }

  send(message: BridgeMessage): void {
    if (!this.ended && this.socket.writable) this.socket.write(encodeBridgeMessage(message));
  }

  /** Drops the connection as a terminal losing its network would (no goodbye). */
  close(): void {
    this.socket.destroy();
    this.end();
  }

  private receive(chunk: Buffer, resolve: () => void, reject: (error: Error) => void): void {
    this.lastHeardMs = Date.now();
    try {
      for (const line of this.splitter.push(chunk)) {
        if (this.welcomed && this.refuseUnreadable(line)) continue;
        const message = decodeBridgeMessage(line);
        if (!this.welcomed) this.handshake(message, resolve, reject);
        else this.dispatch(message);
      }
    } catch (error) {
      // A line too long, not JSON, or not a message of the protocol drops the connection.
      reject(error instanceof Error ? error : new Error(String(error)));
      this.close();
    }
  }

  /**
   * A request the EA cannot read (a command it does not know, params that are not an object) is still a
   * request with an id: it is answered ok:false 4014, not treated as a broken peer.
   */
  private refuseUnreadable(line: string): boolean {
    let fields: unknown;
    try {
      fields = JSON.parse(line);
    } catch {
      return false;
    }
    if (typeof fields !== 'object' || fields === null) return false;
    const { type, id, command, params } = fields as Record<string, unknown>;
    if (type !== 'request' || typeof id !== 'string') return false;
    const known = typeof command === 'string' && (BRIDGE_COMMANDS as readonly string[]).includes(command);
    const readable = typeof params === 'object' && params !== null && !Array.isArray(params);
    if (known && readable) return false;
    this.host.unreadable({ type: 'request', id, command: command as BridgeCommand, params: {} });
    const message = known ? 'Invalid parameters' : `Unknown command ${String(command)}`;
    this.send({ type: 'response', id, ok: false, error: { code: UNREADABLE, message } });
    return true;
  }

  private handshake(message: BridgeMessage, resolve: () => void, reject: (error: Error) => void): void {
    if (message.type === 'welcome') {
      this.welcomed = true;
      this.startHeartbeat();
      resolve();
    } else if (message.type === 'refused') {
      reject(new Mt5BridgeRefusedError(message.reason));
      this.close();
    } else throw new Error(`expected welcome or refused, got ${message.type}`);
  }

  private dispatch(message: BridgeMessage): void {
    if (message.type === 'request') this.host.request(this, message);
    else if (message.type === 'ping') this.send({ type: 'pong', at: message.at });
    else if (message.type !== 'pong') throw new Error(`unexpected ${message.type} from Edgerunner`);
  }

  private startHeartbeat(): void {
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastHeardMs > this.heartbeatMs * MISSED_HEARTBEATS) this.close();
      else this.send({ type: 'ping', at: Date.now() });
    }, this.heartbeatMs);
    // A simulator never keeps a process (or a test run) alive on its own.
    this.heartbeat.unref();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    this.host.closed(this);
  }
}
