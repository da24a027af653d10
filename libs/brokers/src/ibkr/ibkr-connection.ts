import { EventName, IBApi } from '@stoqey/ib';
import { BrokerConnectionError, BrokerTimeoutError, type BrokerError } from '../errors/index.js';
import type { VenueLogger } from '../port/broker-venue.js';
import type { IbkrConfig } from './ibkr-config.js';
import { toIbkrError } from './ibkr-error-codes.js';
import type { IbkrWire, IbkrWireName } from './ibkr-wire.js';

/** The events forwarded from each IBApi to the wire, by the name both use. */
const FORWARDED: readonly IbkrWireName[] = [
  'openOrder',
  'openOrderEnd',
  'orderStatus',
  'execDetails',
  'execDetailsEnd',
  'commissionReport',
  'contractDetails',
  'contractDetailsEnd',
  'position',
  'positionEnd',
  'accountSummary',
  'accountSummaryEnd',
  'pnl',
  'historicalData',
  'tickPrice',
  'tickSize',
];

/** What the connection tells its owner after the handshake. */
export interface IbkrConnectionListener {
  /** The socket closed after the handshake (TWS restarted, network gone). */
  dropped(reason: string): void;
  /** NEXT_VALID_ID, at the handshake and after every reqIds. */
  nextValidId(orderId: number): void;
}

/**
 * One API socket to TWS or IB Gateway. A fresh IBApi per socket: the library queues calls made while
 * disconnected and replays them on the next connection (a stale placeOrder included), so an instance
 * never outlives its socket, and `api()` refuses while the handshake is not complete.
 */
export class IbkrConnection {
  private ib: IBApi | undefined;
  private ready = false;
  private accounts: readonly string[] = [];
  /** Ends a handshake in progress when the connection is closed under it. */
  private abortHandshake: (() => void) | undefined;

  constructor(
    private readonly config: IbkrConfig,
    private readonly wire: IbkrWire,
    private readonly log: VenueLogger,
    private readonly listener: IbkrConnectionListener,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  get managedAccounts(): readonly string[] {
    return this.accounts;
  }

  /** The connected IBApi, or BrokerConnectionError: a call is never left for the library to queue. */
  api(): IBApi {
    if (!this.ready || !this.ib) {
      throw new BrokerConnectionError(`IB account ${this.config.account} is not connected to TWS`, {
        broker: 'ibkr',
      });
    }
    return this.ib;
  }

  /**
   * Connects and waits for the handshake: ready only once both the managed accounts and the next valid
   * order id have arrived (TWS sends them in either order).
   */
  open(): Promise<void> {
    this.close();
    const ib = new IBApi({
      host: this.config.host,
      port: this.config.port,
      clientId: this.config.clientId,
      maxReqPerSec: this.config.maxRequestsPerSecond,
    });
    this.ib = ib;
    // IBApi's typings overload `on` per event; every listener receives the decoded arguments.
    const on = ib.on.bind(ib) as (event: string, listener: (...args: unknown[]) => void) => IBApi;
    const emit = this.wire.emit.bind(this.wire) as (name: IbkrWireName, ...args: unknown[]) => void;
    for (const name of FORWARDED) {
      on(name, (...args: unknown[]) => {
        if (this.ib === ib) emit(name, ...args);
      });
    }
    return new Promise<void>((resolve, reject) => {
      let accounts: string[] | undefined;
      let nextId: number | undefined;
      const fail = (error: BrokerError): void => {
        clearTimeout(timer);
        this.abortHandshake = undefined;
        if (this.ib === ib) this.close();
        reject(error);
      };
      this.abortHandshake = () =>
        fail(
          new BrokerConnectionError('The connection to TWS was closed during the handshake', {
            broker: 'ibkr',
          }),
        );
      const timer = setTimeout(
        () =>
          fail(
            new BrokerTimeoutError(
              `TWS at ${this.config.host}:${this.config.port} did not complete the API handshake within ${this.config.connectTimeoutMs} ms`,
              { broker: 'ibkr' },
            ),
          ),
        this.config.connectTimeoutMs,
      );
      timer.unref();
      const settleIfComplete = (): void => {
        if (this.ready || accounts === undefined || nextId === undefined) return;
        clearTimeout(timer);
        this.abortHandshake = undefined;
        this.accounts = accounts;
        this.ready = true;
        resolve();
      };
      ib.on(EventName.managedAccounts, (list: string) => {
        accounts = list
          .split(',')
          .map((code) => code.trim())
          .filter((code) => code !== '');
        settleIfComplete();
      });
      ib.on(EventName.nextValidId, (orderId: number) => {
        if (this.ib !== ib) return;
        nextId = orderId;
        this.guard('nextValidId', () => this.listener.nextValidId(orderId));
        settleIfComplete();
      });
      ib.on(EventName.info, (message: string, code: number) => {
        if (this.ib !== ib) return;
        // 326 comes as a notice (id -1) and TWS then closes the socket.
        if (!this.ready && code === 326) fail(toIbkrError(code, message));
        else this.wire.emit('info', message, code);
      });
      ib.on(EventName.error, (error: Error, code: number, id: number) => {
        if (this.ib !== ib) return;
        if (!this.ready && (code === 502 || code === 326)) fail(toIbkrError(code, error.message));
        else this.wire.emit('error', error, code, id);
      });
      ib.on(EventName.disconnected, () => {
        if (this.ib !== ib) return;
        if (!this.ready) {
          fail(
            new BrokerConnectionError(
              `TWS at ${this.config.host}:${this.config.port} closed the API socket during the handshake`,
              { broker: 'ibkr' },
            ),
          );
          return;
        }
        this.ready = false;
        this.ib = undefined;
        ib.removeAllListeners();
        this.guard('disconnected', () => this.listener.dropped('TWS closed the API socket'));
      });
      ib.connect(this.config.clientId);
    });
  }

  /** Closes the socket, if any; its IBApi and anything it queued are dropped with it. */
  close(): void {
    const abort = this.abortHandshake;
    this.abortHandshake = undefined;
    abort?.();
    const ib = this.ib;
    this.ib = undefined;
    this.ready = false;
    if (!ib) return;
    ib.removeAllListeners();
    try {
      ib.disconnect();
    } catch (error) {
      this.log('debug', `IB disconnect failed: ${(error as Error).message}`);
    }
  }

  private guard(what: string, task: () => void): void {
    try {
      task();
    } catch (error) {
      this.log('error', `IB ${what} handling failed: ${(error as Error).message}`);
    }
  }
}
