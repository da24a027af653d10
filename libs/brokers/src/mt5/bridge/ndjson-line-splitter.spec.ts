import { BridgeProtocolError } from './bridge-protocol.error.js';
import { NdjsonLineSplitter } from './ndjson-line-splitter.js';

describe('NdjsonLineSplitter', () => {
  it('gives every complete line and keeps the tail for the next chunk', () => {
    const splitter = new NdjsonLineSplitter(1024);
    expect(splitter.push(Buffer.from('{"a":1}\n{"b"'))).toEqual(['{"a":1}']);
    expect(splitter.push(Buffer.from(':2}\r\n\n{"c":3}\n'))).toEqual(['{"b":2}', '{"c":3}']);
    expect(splitter.push(Buffer.from(''))).toEqual([]);
  });

  it('decodes a UTF-8 character cut between two chunks whole', () => {
    const bytes = Buffer.from('{"comment":"€ ok"}\n');
    const splitter = new NdjsonLineSplitter(1024);
    expect(splitter.push(bytes.subarray(0, 13))).toEqual([]);
    expect(splitter.push(bytes.subarray(13))).toEqual(['{"comment":"€ ok"}']);
  });

  it('refuses a line longer than the limit, even when it arrives in pieces', () => {
    const splitter = new NdjsonLineSplitter(8);
    expect(splitter.push(Buffer.from('12345'))).toEqual([]);
    expect(() => splitter.push(Buffer.from('6789'))).toThrow(BridgeProtocolError);
    expect(new NdjsonLineSplitter(8).push(Buffer.from('12345678\n'))).toEqual(['12345678']);
  });
});
