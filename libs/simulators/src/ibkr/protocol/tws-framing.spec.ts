import { encodeFrame, MAX_FRAME_BYTES, TwsFrameReader, TwsFramingError } from './tws-framing.js';

/** The 17 bytes @stoqey/ib 1.6.10 opens with: "API\0", then a length-prefixed "v100..193". */
const HANDSHAKE = Buffer.from('4150490000000009763130302e2e313933', 'hex');

describe('TWS framing', () => {
  it('writes fields NUL-terminated behind a big-endian length that counts the trailing NUL', () => {
    expect(encodeFrame(['9', '1', '1000']).toString('hex')).toBe(
      `00000009${Buffer.from('9\x001\x001000\x00').toString('hex')}`,
    );
  });

  it('reads the handshake, then messages, however the bytes are cut', () => {
    const stream = Buffer.concat([HANDSHAKE, encodeFrame(['71', '2', '7', '']), encodeFrame(['49', '1'])]);
    const reader = new TwsFrameReader();
    const versions: string[] = [];
    const messages: string[][] = [];
    for (const byte of stream) {
      const read = reader.push(Buffer.from([byte]));
      if (read.versions) versions.push(read.versions);
      messages.push(...read.messages);
    }
    expect(versions).toEqual(['v100..193']);
    expect(messages).toEqual([
      ['71', '2', '7', ''],
      ['49', '1'],
    ]);
  });

  it('reads several frames from one chunk, and UTF-8 text', () => {
    const reader = new TwsFrameReader();
    const read = reader.push(
      Buffer.concat([HANDSHAKE, encodeFrame(['3', 'Société']), encodeFrame(['5', '1'])]),
    );
    expect(read.messages).toEqual([
      ['3', 'Société'],
      ['5', '1'],
    ]);
  });

  it('refuses a client that does not open with the API prefix', () => {
    expect(() => new TwsFrameReader().push(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(TwsFramingError);
  });

  it('refuses a frame whose last field is not NUL-terminated, and a frame over 16 MiB', () => {
    const unterminated = Buffer.concat([HANDSHAKE, Buffer.from([0, 0, 0, 3]), Buffer.from('4\x002')]);
    expect(() => new TwsFrameReader().push(unterminated)).toThrow('does not end with NUL');
    const huge = Buffer.alloc(4);
    huge.writeUInt32BE(MAX_FRAME_BYTES + 1);
    expect(() => new TwsFrameReader().push(Buffer.concat([HANDSHAKE, huge]))).toThrow('too long');
  });
});
