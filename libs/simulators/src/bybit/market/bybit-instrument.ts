import type Big from 'big.js';
import type { BybitCategory, BybitInstrumentConfig } from '../bybit-simulator-config.js';
import { dec, type PaperInstrumentConfig } from '../../paper-engine.js';

/** An instrument's rules parsed once, plus the name it trades under inside the paper engine. */
export interface BybitInstrument {
  readonly config: BybitInstrumentConfig;
  readonly category: BybitCategory;
  readonly symbol: string;
  /**
   * One paper engine holds both categories of an account (one wallet backs both), and BTCUSDT exists
   * in each: the engine knows them as `linear:BTCUSDT` and `spot:BTCUSDT`.
   */
  readonly paperSymbol: string;
  readonly tickSize: Big;
  readonly qtyStep: Big;
  readonly minOrderQty: Big;
  readonly maxOrderQty: Big;
  readonly maxMktOrderQty: Big;
  readonly minNotionalValue: Big;
  readonly minPrice: Big | null;
  readonly maxPrice: Big | null;
  readonly quotePrecision: Big;
  readonly leverage: Big;
  readonly maintenanceMarginRate: Big;
  readonly takerFeeRate: Big;
  readonly makerFeeRate: Big;
}

export function toBybitInstrument(config: BybitInstrumentConfig): BybitInstrument {
  const spot = config.category === 'spot';
  return {
    config,
    category: config.category,
    symbol: config.symbol,
    paperSymbol: paperSymbolOf(config.category, config.symbol),
    tickSize: dec(config.tickSize),
    qtyStep: dec(config.qtyStep),
    minOrderQty: dec(config.minOrderQty),
    maxOrderQty: dec(config.maxOrderQty),
    maxMktOrderQty: dec(config.maxMktOrderQty),
    minNotionalValue: dec(config.minNotionalValue),
    minPrice: config.minPrice === undefined ? null : dec(config.minPrice),
    maxPrice: config.maxPrice === undefined ? null : dec(config.maxPrice),
    quotePrecision: dec(config.quotePrecision ?? '0.00000001'),
    // Spot holds the coin itself: its "margin" is its full value.
    leverage: dec(spot ? 1 : (config.leverage ?? 10)),
    maintenanceMarginRate: dec(config.maintenanceMarginRate ?? '0.005'),
    takerFeeRate: dec(config.takerFeeRate),
    makerFeeRate: dec(config.makerFeeRate),
  };
}

export function paperSymbolOf(category: BybitCategory, symbol: string): string {
  return `${category}:${symbol}`;
}

/**
 * The paper engine's view: trading rules at the step (the simulator checks Bybit's minimums itself,
 * with Bybit's codes), no slippage, fees at the instrument's rates.
 */
export function toPaperInstrument(instrument: BybitInstrument): PaperInstrumentConfig {
  const { config } = instrument;
  return {
    symbol: instrument.paperSymbol,
    assetClass: 'crypto',
    quoteCurrency: config.quoteCoin,
    tickSize: config.tickSize,
    lotSize: config.qtyStep,
    minQuantity: config.qtyStep,
    startPrice: config.startPrice,
    volatility: config.volatility,
    spreadTicks: config.spreadTicks,
    depth: config.depth,
    leverage: instrument.leverage.toNumber(),
    takerFeeBps: instrument.takerFeeRate.times(10_000).toNumber(),
    makerFeeBps: instrument.makerFeeRate.times(10_000).toNumber(),
  };
}
