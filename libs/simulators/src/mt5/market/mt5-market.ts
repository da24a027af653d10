import type Big from 'big.js';
import { type Candle, dec, PaperAdapter, type PaperInstrumentConfig } from '../../paper-engine.js';
import { MQL_ERROR, Mt5CommandError } from '../mt5-codes.js';
import type { Mt5ServerTime } from '../mt5-server-time.js';
import type { Mt5SimulatorConfig, Mt5SymbolConfig } from '../mt5-simulator-config.js';
import { sessionOpen } from './mt5-sessions.js';

/** A symbol's current quote: exact decimals, stamped with the UTC instant it was printed. */
export interface Mt5Quote {
  readonly bid: Big;
  readonly ask: Big;
  readonly timeMs: number;
}

/** The paper feed quotes a symbol on its point grid with the MT5 spread (in points) between bid and ask. */
function paperInstrument(symbol: Mt5SymbolConfig): PaperInstrumentConfig {
  return {
    symbol: symbol.name,
    assetClass: 'forex',
    quoteCurrency: symbol.currencyProfit,
    tickSize: symbol.point,
    lotSize: symbol.volumeStep,
    minQuantity: symbol.volumeMin,
    startPrice: symbol.startPrice,
    volatility: symbol.volatility,
    spreadTicks: symbol.spreadPoints,
    depth: '1000000000',
    leverage: 1,
  };
}

/**
 * Market Watch: the paper engine's seeded walk and candles give prices and bars; this keeps the latest
 * quote of each symbol, the sessions, and the test's market-open overrides. The paper engine never sees
 * an order: MT5's trading rules are the simulator's own.
 */
export class Mt5Market {
  readonly engine: PaperAdapter;
  private readonly bySymbol: Map<string, Mt5SymbolConfig>;
  private readonly quotes = new Map<string, Mt5Quote>();
  private readonly openOverride = new Map<string, boolean>();

  constructor(
    private readonly config: Mt5SimulatorConfig,
    private readonly time: Mt5ServerTime,
  ) {
    this.bySymbol = new Map(config.symbols.map((s) => [s.name, s]));
    this.engine = new PaperAdapter(
      {
        account: `mt5-${config.login}`,
        currency: config.currency,
        startingCash: '0',
        takerFeeBps: 0,
        makerFeeBps: 0,
        slippageBps: 0,
        tickIntervalMs: 0,
        seed: config.seed,
        historyMinutes: config.historyMinutes,
        instruments: config.symbols.map(paperInstrument),
      },
      config.clock,
    );
    this.engine.events.subscribe((event) => {
      if (event.type !== 'tick') return;
      const { symbol, bid, ask, time } = event.ticker;
      this.quotes.set(symbol, { bid: dec(bid), ask: dec(ask), timeMs: Date.parse(time) });
    });
  }

  async start(): Promise<void> {
    await this.engine.connect();
    for (const symbol of this.config.symbols) {
      const ticker = await this.engine.getTicker(symbol.name);
      const timeMs = Math.min(Date.parse(ticker.time), this.config.clock());
      this.quotes.set(symbol.name, { bid: dec(ticker.bid), ask: dec(ticker.ask), timeMs });
    }
  }

  symbols(): readonly Mt5SymbolConfig[] {
    return this.config.symbols;
  }

  /** The symbol, or ERR_MARKET_UNKNOWN_SYMBOL as SymbolInfo* raises it. */
  symbol(name: unknown): Mt5SymbolConfig {
    const found = typeof name === 'string' ? this.bySymbol.get(name) : undefined;
    if (!found) throw new Mt5CommandError(MQL_ERROR.UNKNOWN_SYMBOL, `Unknown symbol ${String(name)}`);
    return found;
  }

  has(name: string): boolean {
    return this.bySymbol.has(name);
  }

  quote(name: string): Mt5Quote {
    const quote = this.quotes.get(name);
    if (!quote) throw new Error(`no quote for ${name} before start()`);
    return quote;
  }

  /** One step of the walk for every symbol. */
  step(): void {
    this.engine.tick();
  }

  /** Sets the bid; the ask is the bid plus the symbol's spread. */
  setBid(name: string, bid: string): void {
    const symbol = this.symbol(name);
    const ask = dec(bid).plus(dec(symbol.point).times(symbol.spreadPoints));
    this.engine.setQuote(name, bid, ask.toFixed(symbol.digits));
  }

  setOpen(name: string, open: boolean): void {
    this.symbol(name);
    this.openOverride.set(name, open);
  }

  /** A test's override, else whether a trade session of the symbol holds the server time of `utcMs`. */
  isOpen(name: string, utcMs: number): boolean {
    const forced = this.openOverride.get(name);
    if (forced !== undefined) return forced;
    return sessionOpen(this.symbol(name).sessions, this.time.toServerSeconds(utcMs));
  }

  /** The feed's one-minute bars of the symbol opening within [fromMs, toMs] UTC. */
  minuteBars(name: string, fromMs: number, toMs: number): Promise<Candle[]> {
    return this.engine.getCandles(name, '1m', new Date(fromMs), new Date(toMs));
  }

  stop(): Promise<void> {
    return this.engine.disconnect();
  }
}
