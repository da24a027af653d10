import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { ClosedTrade } from '#backtest/engine/closed-trade.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** What is kept of a run beyond its statistics: the curves bar by bar and the trade list. */
export interface StoredResult {
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly drawdown: Float64Array;
  readonly trades: readonly ClosedTrade[];
}

const FORMAT_VERSION = 1;
/** version, bar count, trade JSON length, padding: the float columns start 8-byte aligned. */
const HEADER_BYTES = 16;

/**
 * Compact and quick to read back: the three float columns as raw little-endian float64 (a million bars is
 * 24 MB before compression, where JSON would be several times that and slow to parse), the trades as JSON,
 * the whole gzipped (off the event loop, on libuv's pool).
 */
export async function encodeResult(result: StoredResult): Promise<Buffer> {
  const bars = result.time.length;
  const trades = Buffer.from(JSON.stringify(result.trades), 'utf8');
  const buffer = Buffer.alloc(HEADER_BYTES + bars * 8 * 3 + trades.length);
  buffer.writeUInt32LE(FORMAT_VERSION, 0);
  buffer.writeUInt32LE(bars, 4);
  buffer.writeUInt32LE(trades.length, 8);
  let offset = HEADER_BYTES;
  for (const column of [result.time, result.equity, result.drawdown]) {
    Buffer.from(column.buffer, column.byteOffset, bars * 8).copy(buffer, offset);
    offset += bars * 8;
  }
  trades.copy(buffer, offset);
  return gzipAsync(buffer);
}

export async function decodeResult(stored: Buffer): Promise<StoredResult> {
  const buffer = await gunzipAsync(stored);
  const version = buffer.readUInt32LE(0);
  if (version !== FORMAT_VERSION) throw new Error(`Stored backtest result has unknown format ${version}`);
  const bars = buffer.readUInt32LE(4);
  const tradesLength = buffer.readUInt32LE(8);
  // Copied out into aligned arrays: gunzip's buffer may sit at any offset of a shared pool.
  const column = (index: number): Float64Array => {
    const start = HEADER_BYTES + index * bars * 8;
    const array = new Float64Array(bars);
    new Uint8Array(array.buffer).set(buffer.subarray(start, start + bars * 8));
    return array;
  };
  const tradesStart = HEADER_BYTES + bars * 8 * 3;
  return {
    time: column(0),
    equity: column(1),
    drawdown: column(2),
    trades: JSON.parse(buffer.toString('utf8', tradesStart, tradesStart + tradesLength)) as ClosedTrade[],
  };
}
