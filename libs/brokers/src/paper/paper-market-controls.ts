import { dec, isDecimal } from '../decimal/index.js';
import { type PaperQuote, toTicker } from './market/paper-quote.js';
import type { PaperConnection } from './paper-connection.js';
import type { PaperAccountParts } from './build-paper-account.js';

/**
 * The simulator's hands on the paper market: ticks, and quotes or depth set by a test. Each is one
 * journaled operation: `day` orders past their UTC midnight expire first, then the new quote is
 * published and open orders match against it.
 */
export class PaperMarketControls {
  constructor(
    private readonly account: string,
    private readonly parts: PaperAccountParts,
    private readonly connection: PaperConnection,
    private readonly clock: () => number,
  ) {}

  /** Moves every symbol one quote, synchronously, stamped with the clock. */
  tick(): void {
    this.connection.transact(() => {
      const now = this.clock();
      this.parts.engine.expireDayOrders(now);
      for (const quote of this.parts.market.advance(now)) this.publish(quote);
    });
  }

  /** Sets the quote of `symbol`; throws UnknownSymbolError, or RangeError for an impossible quote. */
  setQuote(symbol: string, bid: string, ask: string): void {
    this.parts.instruments.get(symbol);
    if (!isDecimal(bid) || !isDecimal(ask))
      throw new RangeError(`bid and ask must be decimals, got ${bid} / ${ask}`);
    this.connection.transact(() => {
      const now = this.clock();
      this.parts.engine.expireDayOrders(now);
      this.publish(this.parts.market.set(symbol, dec(bid), dec(ask), now));
    });
  }

  /** Sets the quoted size of `symbol`; throws UnknownSymbolError, or RangeError for a non-positive depth. */
  setDepth(symbol: string, depth: string): void {
    this.parts.instruments.get(symbol);
    if (!isDecimal(depth) || dec(depth).lte(0))
      throw new RangeError(`depth must be a positive decimal, got ${depth}`);
    this.connection.transact(() => {
      const now = this.clock();
      this.parts.engine.expireDayOrders(now);
      this.publish(this.parts.market.setDepth(symbol, dec(depth), now));
    });
  }

  private publish(quote: PaperQuote): void {
    this.parts.unit.emit({ type: 'tick', account: this.account, ticker: toTicker(quote) });
    this.parts.engine.onQuote(quote);
  }
}
