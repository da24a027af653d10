import type { Socket } from 'node:net';
import { BrokerConnectionError, BrokerTimeoutError } from '../../errors/index.js';
import { decodeBridgeMessage, encodeBridgeMessage } from './bridge-message-codec.js';
import {
  BRIDGE_PROTOCOL_VERSION,
  HEARTBEAT_INTERVAL_MS,
  MAX_LINE_BYTES,
  MISSED_HEARTBEATS,
  type BridgeCommand,
  type BridgeMessage,
  type EventMessage,
  type HelloMessage,
} from './bridge-protocol.js';
import { BridgeProtocolError } from './bridge-protocol.error.js';
import { NdjsonLineSplitter } from './ndjson-line-splitter.js';

export interface BridgeSessionOptions {
  /** The refusal reason for a hello, or undefined to welcome it (the token check lives with the account). */
  readonly admit: (hello: HelloMessage) => string | undefined;
  readonly onReady: (hello: HelloMessage) => void;
  readonly onEvent: (event: EventMessage) => void;
  /** Once, whatever ended the session: the peer, a silent heartbeat, a protocol error or close(). */
  readonly onClose: (reason: string) => void;
  readonly requestTimeoutMs: number;
  readonly heartbeatIntervalMs?: number;
}

interface Pending {
  readonly command: BridgeCommand;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const BROKER = 'mt5';

/** One EA connection seen from Edgerunner: the hello, then requests matched to responses by id, events and heartbeats. */
export class BridgeSession {
  private readonly splitter = new NdjsonLineSplitter(MAX_LINE_BYTES);
  private readonly pending = new Map<string, Pending>();
  private readonly heartbeat: NodeJS.Timeout;
  private hello?: HelloMessage;
  private lastHeard = Date.now();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: BridgeSessionOptions,
  ) {
    const interval = options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS;
    this.heartbeat = setInterval(() => this.beat(interval), interval);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.close(`socket error: ${error.message}`));
    socket.on('close', () => this.close('the terminal closed the connection'));
  }

  get ready(): boolean {
    return this.hello !== undefined && !this.closed;
  }

  /** `timeoutMs` overrides the session's for a command that takes the terminal longer (run_ea). */
  request(
    command: BridgeCommand,
    params: Record<string, unknown> = {},
    timeoutMs = this.options.requestTimeoutMs,
  ): Promise<unknown> {
    if (!this.ready)
      return Promise.reject(
        new BrokerConnectionError('The MT5 terminal is not connected', { broker: BROKER }),
      );
    const id = String(this.nextId++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new BrokerTimeoutError(`The MT5 terminal did not answer ${command} in time`, { broker: BROKER }),
        );
      }, timeoutMs);
      this.pending.set(id, { command, resolve, reject, timer });
      this.send({ type: 'request', id, command, params });
    });
  }

  /** `flush` lets the last line written (a refusal) reach the terminal before the socket ends. */
  close(reason: string, flush = false): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const [id, { command, reject, timer }] of this.pending) {
      clearTimeout(timer);
      this.pending.delete(id);
      reject(
        new BrokerConnectionError(`The MT5 terminal went away during ${command}: ${reason}`, {
          broker: BROKER,
        }),
      );
    }
    if (flush) this.socket.end();
    else this.socket.destroy();
    this.options.onClose(reason);
  }

  private receive(chunk: Buffer): void {
    this.lastHeard = Date.now();
    try {
      for (const line of this.splitter.push(chunk)) this.handle(decodeBridgeMessage(line));
    } catch (error) {
      if (!(error instanceof BridgeProtocolError)) throw error;
      this.close(`protocol error: ${error.message}`);
    }
  }

  private handle(message: BridgeMessage): void {
    if (this.closed) return;
    if (!this.hello) return this.greet(message);
    switch (message.type) {
      case 'response': {
        const pending = this.pending.get(message.id);
        if (!pending) return; // answered after its timeout: the caller already has its error
        this.pending.delete(message.id);
        clearTimeout(pending.timer);
        if (message.ok) pending.resolve(message.result);
        else
          pending.reject(
            new BrokerConnectionError(`MT5 could not run ${pending.command}: ${message.error.message}`, {
              broker: BROKER,
              brokerCode: String(message.error.code),
              brokerMessage: message.error.message,
            }),
          );
        return;
      }
      case 'event':
        return this.options.onEvent(message);
      case 'ping':
        return this.send({ type: 'pong', at: message.at });
      case 'pong':
        return;
      default:
        throw new BridgeProtocolError(`A terminal does not send "${message.type}" after hello`);
    }
  }

  private greet(message: BridgeMessage): void {
    if (message.type !== 'hello') throw new BridgeProtocolError(`Expected hello, got "${message.type}"`);
    const refusal =
      message.protocol !== BRIDGE_PROTOCOL_VERSION
        ? `protocol ${message.protocol} is not supported; this server speaks ${BRIDGE_PROTOCOL_VERSION}`
        : this.options.admit(message);
    if (refusal) {
      this.send({ type: 'refused', reason: refusal });
      this.close(`refused: ${refusal}`, true);
      return;
    }
    this.hello = message;
    this.send({ type: 'welcome', protocol: BRIDGE_PROTOCOL_VERSION, server: 'edgerunner' });
    this.options.onReady(message);
  }

  private beat(interval: number): void {
    if (Date.now() - this.lastHeard > interval * MISSED_HEARTBEATS) {
      this.close(`no message for ${MISSED_HEARTBEATS} heartbeats`);
      return;
    }
    if (this.hello) this.send({ type: 'ping', at: Date.now() });
  }

  private send(message: BridgeMessage): void {
    if (!this.socket.destroyed) this.socket.write(encodeBridgeMessage(message));
  }
}
