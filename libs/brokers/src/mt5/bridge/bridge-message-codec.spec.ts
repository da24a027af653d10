import { decodeBridgeMessage, encodeBridgeMessage } from './bridge-message-codec.js';
import type { BridgeMessage } from './bridge-protocol.js';
import { BridgeProtocolError } from './bridge-protocol.error.js';

const HELLO = {
  type: 'hello',
  protocol: 1,
  token: 'secret-token-value',
  build: 4410,
  login: '5012345',
  server: 'MetaQuotes-Demo',
  company: 'MetaQuotes Ltd.',
  currency: 'USD',
  marginMode: 'hedging',
  tradeAllowed: true,
  serverOffsetSeconds: 7200,
};

describe('bridge message codec', () => {
  it.each<BridgeMessage>([
    HELLO as BridgeMessage,
    { type: 'welcome', protocol: 1, server: 'edgerunner' },
    { type: 'refused', reason: 'wrong token' },
    { type: 'request', id: '7', command: 'order_send', params: { symbol: 'EURUSD', volume: 0.1 } },
    { type: 'response', id: '7', ok: true, result: { retcode: 10009, order: 1234 } },
    { type: 'response', id: '8', ok: false, error: { code: 4756, message: 'Trade request sending failed' } },
    { type: 'event', event: 'tick', data: { symbol: 'EURUSD', bid: 1.10523 } },
    { type: 'ping', at: 1_700_000_000_000 },
  ])('round-trips a $type message as one line', (message) => {
    const line = encodeBridgeMessage(message);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(decodeBridgeMessage(line.slice(0, -1))).toEqual(message);
  });

  it('keeps a comment with quotes, backslashes and control characters on one line', () => {
    const message: BridgeMessage = {
      type: 'request',
      id: '1',
      command: 'order_send',
      params: { comment: 'a "b" \\ c\nd\u0001' },
    };
    const line = encodeBridgeMessage(message);
    expect(line.split('\n')).toHaveLength(2);
    expect(decodeBridgeMessage(line.trim())).toEqual(message);
  });

  it.each([
    ['not JSON', '{"type":"hello",', /Not JSON/],
    ['an array', '[1,2]', /Not a JSON object/],
    ['an unknown type', '{"type":"shout"}', /Unknown message type "shout"/],
    [
      'an unknown command',
      '{"type":"request","id":"1","command":"format_disk","params":{}}',
      /"command" must be one of/,
    ],
    ['an unknown event', '{"type":"event","event":"news","data":{}}', /"event" must be one of/],
    ['a fractional protocol', JSON.stringify({ ...HELLO, protocol: 1.5 }), /"protocol" must be an integer/],
    ['a hello without token', JSON.stringify({ ...HELLO, token: undefined }), /"token" must be a string/],
    [
      'an unknown margin mode',
      JSON.stringify({ ...HELLO, marginMode: 'cross' }),
      /"marginMode" must be one of/,
    ],
    ['a success without result', '{"type":"response","id":"1","ok":true}', /has ok but no result/],
    ['a failure without code', '{"type":"response","id":"1","ok":false,"error":{"message":"x"}}', /"code"/],
  ])('refuses %s', (_name, line, reason) => {
    expect(() => decodeBridgeMessage(line)).toThrow(BridgeProtocolError);
    expect(() => decodeBridgeMessage(line)).toThrow(reason);
  });

  it('never quotes a malformed line, which may hold the token', () => {
    const line = `${JSON.stringify(HELLO).slice(0, -1)},`;
    expect(() => decodeBridgeMessage(line)).toThrow(/^Not JSON \(\d+ characters\)$/);
    expect(() => decodeBridgeMessage(line)).not.toThrow(/secret-token-value/);
  });
});
