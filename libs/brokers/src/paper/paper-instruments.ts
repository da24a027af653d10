import { toDecimalString } from '../decimal/index.js';
import type { Instrument } from '../domain/index.js';
import { UnknownSymbolError } from '../errors/index.js';
import type { PaperInstrumentConfig } from './paper-config.js';

/** The instruments a paper account trades, as configured: their rules need no connection. */
export class PaperInstruments {
  private readonly bySymbol: ReadonlyMap<string, PaperInstrumentConfig>;

  constructor(private readonly configs: readonly PaperInstrumentConfig[]) {
    this.bySymbol = new Map(configs.map((instrument) => [instrument.symbol, instrument]));
  }

  /** The instrument's config; throws UnknownSymbolError for a symbol not configured. */
  get(symbol: string): PaperInstrumentConfig {
    const instrument = this.bySymbol.get(symbol);
    if (!instrument) throw new UnknownSymbolError(`unknown symbol ${symbol}`, { broker: 'paper' });
    return instrument;
  }

  has(symbol: string): boolean {
    return this.bySymbol.has(symbol);
  }

  /** The port's view of every instrument, in configured order. */
  list(): Instrument[] {
    return this.configs.map(toInstrument);
  }
}

export function toInstrument(config: PaperInstrumentConfig): Instrument {
  return {
    symbol: config.symbol,
    assetClass: config.assetClass,
    quoteCurrency: config.quoteCurrency,
    tickSize: toDecimalString(config.tickSize),
    lotSize: toDecimalString(config.lotSize),
    minQuantity: toDecimalString(config.minQuantity),
  };
}
