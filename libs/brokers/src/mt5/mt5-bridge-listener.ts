import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { VenueLogger } from '../port/broker-venue.js';
import { BridgeSession } from './bridge/bridge-session.js';
import type { EventMessage, HelloMessage } from './bridge/bridge-protocol.js';

export interface Mt5BridgeListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  readonly requestTimeoutMs: number;
  readonly heartbeatIntervalMs?: number;
  readonly log: VenueLogger;
  /** `replaced`: the terminal dialled in again before its old connection was seen to end. */
  readonly onReady: (session: BridgeSession, hello: HelloMessage, replaced: boolean) => void;
  readonly onEvent: (event: EventMessage) => void;
  /** The ready session ended; not called for a terminal that was refused or replaced. */
  readonly onLost: (reason: string) => void;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The TCP port one MT5 account's Expert Advisor dials in to (MQL5 sockets only connect out). A hello is
 * admitted when its token matches, compared in constant time over digests so neither its content nor its
 * length leaks; a wrong one is refused and logged with the peer's address, never the token. One terminal
 * serves an account: a new hello that is admitted replaces the session before it (the EA reconnects
 * before the old socket's silence is noticed).
 */
export class Mt5BridgeListener {
  private readonly server: Server;
  private readonly tokenDigest: Buffer;
  private current: BridgeSession | undefined;
  private readonly waiters = new Set<() => void>();
  private port: number | undefined;

  constructor(private readonly options: Mt5BridgeListenerOptions) {
    this.tokenDigest = digest(options.token);
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Listens; resolves with the port (the configured one, or the one picked for port 0). */
  async start(): Promise<number> {
    if (this.port !== undefined) return this.port;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    this.current?.close('Edgerunner disconnected the account');
    this.current = undefined;
    if (this.port === undefined) return;
    this.port = undefined;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get listeningPort(): number | undefined {
    return this.port;
  }

  /** The session whose hello was welcomed, while it lasts. */
  get session(): BridgeSession | undefined {
    return this.current?.ready ? this.current : undefined;
  }

  /** Whether a terminal's hello is welcomed within `timeoutMs` (at once when one already is). */
  nextSession(timeoutMs: number): Promise<boolean> {
    if (this.session) return Promise.resolve(true);
    return new Promise((resolve) => {
      const arrived = (): void => {
        clearTimeout(timer);
        this.waiters.delete(arrived);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(arrived);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(arrived);
    });
  }

  private accept(socket: Socket): void {
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    const session: BridgeSession = new BridgeSession(socket, {
      requestTimeoutMs: this.options.requestTimeoutMs,
      ...(this.options.heartbeatIntervalMs ? { heartbeatIntervalMs: this.options.heartbeatIntervalMs } : {}),
      admit: (hello) => this.admit(hello, peer),
      onReady: (hello) => {
        const previous = this.current;
        this.current = session;
        const replaced = previous?.ready === true;
        previous?.close('replaced by a new connection from the terminal');
        this.options.log(
          'log',
          `MT5 terminal ${hello.login}@${hello.server} (build ${hello.build}) connected from ${peer}`,
        );
        this.options.onReady(session, hello, replaced);
        for (const arrived of [...this.waiters]) arrived();
      },
      onEvent: (event) => {
        if (this.current === session) this.options.onEvent(event);
      },
      onClose: (reason) => {
        if (this.current !== session) return;
        this.current = undefined;
        this.options.log('warn', `MT5 terminal connection from ${peer} ended: ${reason}`);
        this.options.onLost(reason);
      },
    });
  }

  private admit(hello: HelloMessage, peer: string): string | undefined {
    if (timingSafeEqual(digest(hello.token), this.tokenDigest)) return undefined;
    this.options.log('warn', `MT5 terminal ${hello.login}@${hello.server} from ${peer} refused: wrong token`);
    return 'wrong token';
  }
}
