import {
  BYBIT_CATEGORIES,
  type BybitCategory,
  type BybitInstrumentConfig,
} from '../bybit-simulator-config.js';
import { type BybitInstrument, paperSymbolOf, toBybitInstrument } from './bybit-instrument.js';

/** The configured instruments, by category and symbol, in config order. */
export class BybitInstrumentRegistry {
  private readonly byKey = new Map<string, BybitInstrument>();

  constructor(configs: readonly BybitInstrumentConfig[]) {
    for (const config of configs) {
      if (!BYBIT_CATEGORIES.includes(config.category)) {
        throw new Error(
          `instrument ${config.symbol}: category must be linear or spot, got ${config.category}`,
        );
      }
      const key = paperSymbolOf(config.category, config.symbol);
      if (this.byKey.has(key)) throw new Error(`instrument ${key} is configured twice`);
      this.byKey.set(key, toBybitInstrument(config));
    }
  }

  find(category: BybitCategory, symbol: string): BybitInstrument | undefined {
    return this.byKey.get(paperSymbolOf(category, symbol));
  }

  /** By the name the paper engine uses (`linear:BTCUSDT`). */
  byPaperSymbol(paperSymbol: string): BybitInstrument | undefined {
    return this.byKey.get(paperSymbol);
  }

  all(category?: BybitCategory): BybitInstrument[] {
    const all = [...this.byKey.values()];
    return category === undefined ? all : all.filter((instrument) => instrument.category === category);
  }
}
