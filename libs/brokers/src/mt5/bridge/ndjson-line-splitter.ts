import { BridgeProtocolError } from './bridge-protocol.error.js';

const NEWLINE = 0x0a;

/**
 * Cuts a TCP byte stream into lines. Lines are split on bytes and decoded whole, so a UTF-8 character
 * cut between two chunks is never mangled (0x0A never occurs inside a multibyte sequence).
 */
export class NdjsonLineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** The complete lines this chunk ends, without their newline (a trailing \r is dropped too). */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.hold(chunk.subarray(start, end));
      const line = Buffer.concat(this.pending, this.pendingBytes).toString('utf8');
      this.pending = [];
      this.pendingBytes = 0;
      start = end + 1;
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (text.trim() !== '') lines.push(text);
    }
    this.hold(chunk.subarray(start));
    return lines;
  }

  private hold(part: Buffer): void {
    if (part.length === 0) return;
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.maxLineBytes)
      throw new BridgeProtocolError(`A line exceeds ${this.maxLineBytes} bytes`);
    this.pending.push(part);
  }
}
