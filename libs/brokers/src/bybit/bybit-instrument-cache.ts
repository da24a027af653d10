import type { Instrument } from '../domain/index.js';
import { UnknownSymbolError } from '../errors/index.js';
import type { BybitAdapterCategory } from './bybit-config.js';
import { toInstrument } from './bybit-market.mapper.js';
import type { BybitQueries } from './bybit-queries.js';

/**
 * The category's instrument rules (tick, step, minimum) read from Bybit, trusted for `ttlMs` and then
 * read again; a symbol listed since the last read is looked up on its own.
 */
export class BybitInstrumentCache {
  private instruments = new Map<string, Instrument>();
  private loadedAt = 0;

  constructor(
    private readonly queries: BybitQueries,
    private readonly category: BybitAdapterCategory,
    private readonly ttlMs: number,
  ) {}

  /** Reads every instrument of the category now. */
  async load(): Promise<void> {
    const infos = await this.queries.instruments();
    this.instruments = new Map(infos.map((info) => [info.symbol, toInstrument(info, this.category)]));
    this.loadedAt = Date.now();
  }

  /** The rules of `symbol`; throws UnknownSymbolError when Bybit lists no such symbol in the category. */
  async get(symbol: string): Promise<Instrument> {
    await this.refreshIfStale();
    const known = this.instruments.get(symbol);
    if (known) return known;
    const [info] = await this.queries.instruments(symbol);
    if (!info)
      throw new UnknownSymbolError(`Bybit lists no ${this.category} symbol ${symbol}`, {
        broker: 'bybit',
      });
    const instrument = toInstrument(info, this.category);
    this.instruments.set(symbol, instrument);
    return instrument;
  }

  async list(): Promise<Instrument[]> {
    await this.refreshIfStale();
    return [...this.instruments.values()];
  }

  /** Whether `symbol` is among the instruments read so far (no request). */
  has(symbol: string): boolean {
    return this.instruments.has(symbol);
  }

  /** The currency `symbol` is quoted in, USDT when it is not known yet (no request). */
  quoteOf(symbol: string): string {
    return this.instruments.get(symbol)?.quoteCurrency ?? 'USDT';
  }

  private async refreshIfStale(): Promise<void> {
    if (Date.now() - this.loadedAt > this.ttlMs) await this.load();
  }
}
