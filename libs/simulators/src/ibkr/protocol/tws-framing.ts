/** The client's first bytes: "API\0", then one length-prefixed version range such as "v100..193". */
const API_PREFIX = Buffer.from('API\0', 'latin1');
/** IB's MAX_MSG_LEN: a longer frame means the stream is corrupt. */
export const MAX_FRAME_BYTES = 0xffffff;

/** One message: NUL-terminated fields behind a 4-byte big-endian length that counts the trailing NUL. */
export function encodeFrame(fields: readonly string[]): Buffer {
  const body = Buffer.from(fields.map((field) => `${field}\0`).join(''), 'utf8');
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, 4);
  return frame;
}

/** Why the stream cannot be read on: the connection is dropped, as TWS does. */
export class TwsFramingError extends Error {}

/**
 * Cuts the bytes a client sends into messages. The first is the handshake (the API prefix and the version
 * range the client speaks); every later one is a list of fields, the message id first. Chunks may split or
 * join frames anywhere.
 */
export class TwsFrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private greeted = false;

  /** Feeds a chunk; answers the handshake's version range (once) and the complete messages it finished. */
  push(chunk: Buffer): { readonly versions?: string; readonly messages: string[][] } {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let versions: string | undefined;
    if (!this.greeted) {
      if (this.buffer.length < API_PREFIX.length) return { messages: [] };
      if (!this.buffer.subarray(0, API_PREFIX.length).equals(API_PREFIX))
        throw new TwsFramingError('the client did not start with the API prefix');
      const body = this.frameAt(API_PREFIX.length);
      if (body === undefined) return { messages: [] };
      versions = body.toString('latin1');
      this.greeted = true;
    }
    const messages: string[][] = [];
    for (let body = this.frameAt(0); body !== undefined; body = this.frameAt(0)) {
      const text = body.toString('utf8');
      if (!text.endsWith('\0')) throw new TwsFramingError('a message does not end with NUL');
      messages.push(text.slice(0, -1).split('\0'));
    }
    return { versions, messages };
  }

  /** The frame whose length prefix starts at `offset`, consumed with all before it; undefined until complete. */
  private frameAt(offset: number): Buffer | undefined {
    if (this.buffer.length < offset + 4) return undefined;
    const length = this.buffer.readUInt32BE(offset);
    if (length > MAX_FRAME_BYTES) throw new TwsFramingError(`a frame of ${length} bytes is too long`);
    const end = offset + 4 + length;
    if (this.buffer.length < end) return undefined;
    const body = this.buffer.subarray(offset + 4, end);
    this.buffer = this.buffer.subarray(end);
    return body;
  }
}
