import { connect, type Socket } from 'node:net';
import { decodeBridgeMessage, encodeBridgeMessage } from '../bridge/bridge-message-codec.js';
import type { BridgeMessage, HelloMessage } from '../bridge/bridge-protocol.js';
import { NdjsonLineSplitter } from '../bridge/ndjson-line-splitter.js';

/** A hello as a terminal sends it; specs replace the fields they test. */
export const HELLO: HelloMessage = {
  type: 'hello',
  protocol: 1,
  token: 'right',
  build: 4410,
  login: '5012345',
  server: 'MetaQuotes-Demo',
  company: 'MetaQuotes Ltd.',
  currency: 'USD',
  marginMode: 'netting',
  tradeAllowed: true,
  serverOffsetSeconds: 7200,
};

/** The terminal's side over a real socket: what it received, line by line. */
export class FakeTerminal {
  readonly received: BridgeMessage[] = [];
  private readonly splitter = new NdjsonLineSplitter(1 << 20);
  private waiters: Array<() => void> = [];
  readonly closed: Promise<void>;

  constructor(readonly socket: Socket) {
    this.closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => {
      for (const line of this.splitter.push(chunk)) this.received.push(decodeBridgeMessage(line));
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  send(message: BridgeMessage | string): void {
    this.socket.write(typeof message === 'string' ? message : encodeBridgeMessage(message));
  }

  async next(type: BridgeMessage['type']): Promise<BridgeMessage> {
    for (;;) {
      const found = this.received.find((message) => message.type === type);
      if (found) {
        this.received.splice(this.received.indexOf(found), 1);
        return found;
      }
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

/** A fake terminal dialled in to `port` on loopback, connected once this resolves. */
export async function dialTerminal(port: number): Promise<FakeTerminal> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return new FakeTerminal(socket);
}
