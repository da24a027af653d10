import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { TradeTransaction } from '#brokers/mt5/bridge/bridge-commands.js';
import { decodeBridgeMessage, encodeBridgeMessage } from '#brokers/mt5/bridge/bridge-message-codec.js';
import {
  BRIDGE_PROTOCOL_VERSION,
  type BridgeFailure,
  type BridgeMessage,
  type EventMessage,
  type HelloMessage,
  MAX_LINE_BYTES,
  type ResponseMessage,
} from '#brokers/mt5/bridge/bridge-protocol.js';
import { NdjsonLineSplitter } from '#brokers/mt5/bridge/ndjson-line-splitter.js';

interface Waiting {
  readonly socket: Socket;
  resolve(response: ResponseMessage): void;
  fail(): void;
}

/** A command answered ok:false: what a caller of {@link Mt5BridgeKit.call} catches. */
export class Mt5BridgeFailure extends Error {
  constructor(readonly failure: BridgeFailure) {
    super(`${failure.code}: ${failure.message}`);
    this.name = 'Mt5BridgeFailure';
  }
}

/**
 * A stand-in for Edgerunner's side of the bridge: it listens on loopback, welcomes a hello with the right
 * token (refuses any other), answers pings, sends requests by id (ids count from 1 per connection) and
 * records every event. The simulator specs talk to the terminal through it; adapter specs may too.
 */
export class Mt5BridgeKit {
  readonly hellos: HelloMessage[] = [];
  readonly events: EventMessage[] = [];
  /** Pings the terminal sent. */
  readonly pings: number[] = [];
  /** `at` of every pong the terminal answered a ping of ours with. */
  readonly pongs: number[] = [];
  /** While true the kit stays silent (no pongs), as a hung Edgerunner would. */
  muted = false;
  private socket: Socket | undefined;
  private nextId = 0;
  private readonly waiting = new Map<string, Waiting>();
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  /** Listens on a free loopback port. */
  static listen(token = 'bridge-token'): Promise<Mt5BridgeKit> {
    return Mt5BridgeKit.listenOn(0, token);
  }

  /** Listens on a given loopback port (0: a free one). */
  static async listenOn(port: number, token = 'bridge-token'): Promise<Mt5BridgeKit> {
    const server = createServer();
    const kit = new Mt5BridgeKit(server, token);
    server.on('connection', (socket) => kit.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return kit;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What Mt5TerminalSimulator.connect() takes; `token` defaults to the right one. */
  target(token = this.token): { host: string; port: number; token: string } {
    return { host: '127.0.0.1', port: this.port, token };
  }

  get connected(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  /**
   * Sends a request on the current connection; resolves with its response, rejects when the connection
   * closes first or after 5 s without one.
   */
  request(command: string, params: unknown = {}): Promise<ResponseMessage> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('no terminal connected'));
    const id = String(++this.nextId);
    const answered = new Promise<ResponseMessage>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`no response to ${command} #${id}`)), 5_000);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        this.waiting.delete(id);
        reject(error);
      };
      this.waiting.set(id, {
        socket,
        resolve: (response) => {
          clearTimeout(timer);
          this.waiting.delete(id);
          resolve(response);
        },
        fail: () => fail(new Error(`the connection closed before the response to ${command} #${id}`)),
      });
    });
    socket.write(`${JSON.stringify({ type: 'request', id, command, params })}\n`);
    return answered;
  }

  /** A request that must succeed: its result, or Mt5BridgeFailure for ok:false. */
  async call<T = unknown>(command: string, params: unknown = {}): Promise<T> {
    const response = await this.request(command, params);
    if (!response.ok) throw new Mt5BridgeFailure(response.error);
    return response.result as T;
  }

  /** Resolves once every event the terminal sent before now has arrived (a request answered behind them). */
  async sync(): Promise<void> {
    await this.request('account_info');
  }

  /** trade_transaction data from event index `from` on. */
  transactions(from = 0): TradeTransaction[] {
    return this.events
      .slice(from)
      .filter((e) => e.event === 'trade_transaction')
      .map((e) => e.data as unknown as TradeTransaction);
  }

  /** Resolves when `predicate` holds (checked on every message), rejecting after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs = 3_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!predicate()) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error('condition not met in time'));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  /** Writes a raw line to the terminal (for malformed-input tests). */
  sendRaw(line: string): void {
    this.socket?.write(`${line}\n`);
  }

  async close(): Promise<void> {
    this.socket?.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    const splitter = new NdjsonLineSplitter(MAX_LINE_BYTES);
    let welcomed = false;
    socket.on('data', (chunk: Buffer) => {
      for (const line of splitter.push(chunk)) {
        const message = decodeBridgeMessage(line);
        if (!welcomed) welcomed = this.greet(socket, message);
        else this.receive(socket, message);
        for (const listener of [...this.listeners]) listener();
      }
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      for (const waiting of [...this.waiting.values()]) if (waiting.socket === socket) waiting.fail();
      for (const listener of [...this.listeners]) listener();
    });
    socket.on('error', () => undefined);
  }

  private greet(socket: Socket, message: BridgeMessage): boolean {
    if (message.type !== 'hello') throw new Error(`expected hello, got ${message.type}`);
    this.hellos.push(message);
    if (message.token !== this.token) {
      socket.end(encodeBridgeMessage({ type: 'refused', reason: 'wrong token' }));
      return false;
    }
    this.socket?.destroy();
    this.socket = socket;
    this.nextId = 0;
    socket.write(
      encodeBridgeMessage({ type: 'welcome', protocol: BRIDGE_PROTOCOL_VERSION, server: 'edgerunner' }),
    );
    return true;
  }

  private receive(socket: Socket, message: BridgeMessage): void {
    if (message.type === 'response') {
      // Ids count from 1 per connection: an answer only settles a request sent on its own socket.
      const waiting = this.waiting.get(message.id);
      if (waiting?.socket === socket) waiting.resolve(message);
    } else if (message.type === 'event') this.events.push(message);
    else if (message.type === 'ping') {
      this.pings.push(message.at);
      if (!this.muted) socket.write(encodeBridgeMessage({ type: 'pong', at: message.at }));
    } else if (message.type === 'pong') this.pongs.push(message.at);
  }
}
