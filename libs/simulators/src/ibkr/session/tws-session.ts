import type { Socket } from 'node:net';
import { encodeFrame, TwsFrameReader, TwsFramingError } from '../protocol/tws-framing.js';
import { encodeError, NO_REQUEST_ID } from '../protocol/outgoing/index.js';
import { TwsSubscriptions } from './tws-subscriptions.js';

/** The one server version the simulator speaks: the highest @stoqey/ib 1.6.10 offers. */
export const TWS_SERVER_VERSION = 193;

/** What a session hands the server: the client's requests, in the order they arrived, and its end. */
export interface TwsSessionHost {
  receive(session: TwsSession, fields: readonly string[]): void;
  closed(session: TwsSession): void;
}

/**
 * One API client's connection: the handshake, then length-prefixed messages both ways. It knows the
 * client id once START_API admits it. While TWS has lost its link to IB (1100) the order and execution
 * messages meant for the client are lost too, as the servers never told TWS; everything else still flows.
 */
export class TwsSession {
  clientId: number | undefined;
  readonly subscriptions = new TwsSubscriptions();
  private readonly reader = new TwsFrameReader();
  private linkLost = false;
  private ended = false;

  constructor(
    private readonly socket: Socket,
    private readonly host: TwsSessionHost,
    private readonly connectionTime: () => string,
  ) {
    // Nagle on loopback holds the second of two back-to-back frames for ~40 ms.
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => this.onClose());
  }

  get open(): boolean {
    return !this.ended;
  }

  /** Whether START_API admitted the client. */
  get started(): boolean {
    return this.clientId !== undefined;
  }

  send(fields: readonly string[]): void {
    if (!this.ended) this.socket.write(encodeFrame(fields));
  }

  /** An order, status or execution message: lost while TWS has no link to IB. */
  sendOrderUpdate(fields: readonly string[]): void {
    if (!this.linkLost) this.send(fields);
  }

  /** ERR_MSG; id -1 for notices about the connection. */
  error(id: number, code: number, message: string, reject?: Readonly<Record<string, unknown>>): void {
    this.send(encodeError(id, code, message, reject));
  }

  notice(code: number, message: string): void {
    this.error(NO_REQUEST_ID, code, message);
  }

  /** Test hook: TWS's link to IB is down (true) or back (false). */
  setLinkLost(lost: boolean): void {
    this.linkLost = lost;
  }

  /** Ends the connection as TWS does after a refusal: what was written is flushed first. */
  close(): void {
    if (this.ended) return;
    this.socket.end();
    this.onClose();
  }

  /** Test hook: the connection breaks (the client sees ECONNRESET or a close without goodbye). */
  drop(): void {
    if (this.ended) return;
    this.socket.resetAndDestroy();
    this.onClose();
  }

  private onData(chunk: Buffer): void {
    if (this.ended) return;
    let read: ReturnType<TwsFrameReader['push']>;
    try {
      read = this.reader.push(chunk);
    } catch (error) {
      if (!(error instanceof TwsFramingError)) throw error;
      this.drop();
      return;
    }
    if (read.versions !== undefined && !this.greet(read.versions)) return;
    for (const fields of read.messages) this.host.receive(this, fields);
  }

  /** Answers the version range with 193 and the connection time, or hangs up when 193 is outside it. */
  private greet(versions: string): boolean {
    const match = /^v(\d+)(?:\.\.(\d+))?$/.exec(versions);
    const low = Number(match?.[1]);
    const high = Number(match?.[2] ?? match?.[1]);
    if (!match || low > TWS_SERVER_VERSION || high < TWS_SERVER_VERSION) {
      this.drop();
      return false;
    }
    this.send([String(TWS_SERVER_VERSION), this.connectionTime()]);
    return true;
  }

  private onClose(): void {
    if (this.ended) return;
    this.ended = true;
    this.subscriptions.cancelAll();
    this.host.closed(this);
  }
}
