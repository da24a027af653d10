import { PaperAdapter, type PaperInstrumentConfig } from '../../paper-engine.js';
import type { TwsAccountConfig, TwsInstrumentConfig, TwsSecType } from '../tws-simulator-config.js';

const ASSET_CLASSES: Readonly<Record<TwsSecType, string>> = {
  STK: 'equity',
  CASH: 'forex',
  FUT: 'future',
  CRYPTO: 'crypto',
};

/** An IB contract as the paper engine trades it: under its localSymbol, with IB's tick and size rules. */
function paperInstrument(instrument: TwsInstrumentConfig): PaperInstrumentConfig {
  return {
    symbol: instrument.localSymbol,
    assetClass: ASSET_CLASSES[instrument.secType],
    quoteCurrency: instrument.currency,
    tickSize: instrument.minTick,
    lotSize: instrument.sizeIncrement,
    minQuantity: instrument.minSize,
    startPrice: instrument.startPrice,
    volatility: instrument.volatility,
    spreadTicks: instrument.spreadTicks,
    depth: instrument.depth,
    leverage: instrument.leverage,
    takerFeeBps: instrument.commissionBps,
    makerFeeBps: instrument.commissionBps,
  };
}

/**
 * One managed account: its own paper engine (matching, cash, margin, positions, fills). Every account's
 * engine walks the same seeded prices and is moved by the same hooks, so they all quote one market.
 */
export class TwsAccount {
  readonly code: string;
  readonly currency: string;
  readonly engine: PaperAdapter;

  constructor(
    config: TwsAccountConfig,
    instruments: readonly TwsInstrumentConfig[],
    seed: number,
    historyMinutes: number,
    clock: () => number,
  ) {
    this.code = config.code;
    this.currency = config.currency;
    this.engine = new PaperAdapter(
      {
        account: config.code,
        currency: config.currency,
        startingCash: config.startingCash,
        takerFeeBps: 0,
        makerFeeBps: 0,
        slippageBps: 0,
        tickIntervalMs: 0,
        seed,
        historyMinutes,
        instruments: instruments.map(paperInstrument),
      },
      clock,
    );
  }
}
