import { toDecimalString } from '../../paper-engine.js';
import type { BybitInstrument } from './bybit-instrument.js';

/** Digits after the point of a tick size: Bybit's `priceScale`. */
function scaleOf(tickSize: string): string {
  const dot = tickSize.indexOf('.');
  return String(dot < 0 ? 0 : tickSize.length - dot - 1);
}

/** A linear perpetual as `/v5/market/instruments-info?category=linear` lists it. */
function linearView(instrument: BybitInstrument): Record<string, unknown> {
  const { config } = instrument;
  return {
    symbol: config.symbol,
    contractType: 'LinearPerpetual',
    status: 'Trading',
    baseCoin: config.baseCoin,
    quoteCoin: config.quoteCoin,
    launchTime: '1585526400000',
    deliveryTime: '0',
    deliveryFeeRate: '',
    priceScale: scaleOf(config.tickSize),
    leverageFilter: { minLeverage: '1', maxLeverage: '100.00', leverageStep: '0.01' },
    priceFilter: {
      minPrice: instrument.minPrice ? toDecimalString(instrument.minPrice) : config.tickSize,
      maxPrice: instrument.maxPrice ? toDecimalString(instrument.maxPrice) : '1999999.8',
      tickSize: config.tickSize,
    },
    lotSizeFilter: {
      maxOrderQty: config.maxOrderQty,
      minOrderQty: config.minOrderQty,
      qtyStep: config.qtyStep,
      postOnlyMaxOrderQty: config.maxOrderQty,
      maxMktOrderQty: config.maxMktOrderQty,
      minNotionalValue: config.minNotionalValue,
    },
    unifiedMarginTrade: true,
    fundingInterval: 480,
    settleCoin: config.quoteCoin,
    copyTrading: 'both',
    upperFundingRate: '0.00375',
    lowerFundingRate: '-0.00375',
    isPreListing: false,
    preListingInfo: null,
    riskParameters: { priceLimitRatioX: '0.01', priceLimitRatioY: '0.02' },
    symbolType: '',
    displayName: '',
  };
}

/** A spot pair as `/v5/market/instruments-info?category=spot` lists it. */
function spotView(instrument: BybitInstrument): Record<string, unknown> {
  const { config } = instrument;
  return {
    symbol: config.symbol,
    baseCoin: config.baseCoin,
    quoteCoin: config.quoteCoin,
    innovation: '0',
    status: 'Trading',
    marginTrading: 'utaOnly',
    stTag: '0',
    lotSizeFilter: {
      basePrecision: config.qtyStep,
      quotePrecision: toDecimalString(instrument.quotePrecision),
      minOrderQty: config.minOrderQty,
      maxOrderQty: config.maxOrderQty,
      minOrderAmt: config.minNotionalValue,
      maxOrderAmt: '8000000',
      maxLimitOrderQty: config.maxOrderQty,
      maxMarketOrderQty: config.maxMktOrderQty,
      postOnlyMaxLimitOrderSize: toDecimalString(instrument.maxOrderQty.times(5)),
    },
    priceFilter: { tickSize: config.tickSize },
    riskParameters: { priceLimitRatioX: '0.005', priceLimitRatioY: '0.01' },
    symbolType: '',
  };
}

/** The instruments-info item of `instrument`, shaped per its category (docs/v5/market/instrument.mdx). */
export function toInstrumentView(instrument: BybitInstrument): Record<string, unknown> {
  return instrument.category === 'spot' ? spotView(instrument) : linearView(instrument);
}
