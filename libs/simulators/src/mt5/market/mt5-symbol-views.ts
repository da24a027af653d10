import type { SymbolInfo, Tick } from '#brokers/mt5/bridge/bridge-commands.js';
import type { Mt5ServerTime } from '../mt5-server-time.js';
import type { Mt5SymbolConfig } from '../mt5-simulator-config.js';
import type { Mt5Quote } from './mt5-market.js';

/** symbol_info's SymbolInfo: the configured properties and the current quote, time in server seconds. */
export function symbolInfoView(symbol: Mt5SymbolConfig, quote: Mt5Quote, time: Mt5ServerTime): SymbolInfo {
  return {
    name: symbol.name,
    description: symbol.description,
    path: symbol.path,
    currency_base: symbol.currencyBase,
    currency_profit: symbol.currencyProfit,
    currency_margin: symbol.currencyMargin,
    digits: symbol.digits,
    point: symbol.point,
    trade_tick_size: symbol.tickSize,
    trade_contract_size: symbol.contractSize,
    volume_min: symbol.volumeMin,
    volume_max: symbol.volumeMax,
    volume_step: symbol.volumeStep,
    trade_stops_level: symbol.stopsLevel,
    trade_freeze_level: symbol.freezeLevel,
    trade_mode: symbol.tradeMode,
    trade_exemode: symbol.exeMode,
    filling_mode: symbol.fillingMode,
    order_mode: symbol.orderMode,
    expiration_mode: symbol.expirationMode,
    bid: quote.bid.toFixed(symbol.digits),
    ask: quote.ask.toFixed(symbol.digits),
    time: time.toServerSeconds(quote.timeMs),
  };
}

/** SymbolInfoTick's MqlTick: forex quotes have no last price or volume. */
export function tickView(symbol: Mt5SymbolConfig, quote: Mt5Quote, time: Mt5ServerTime): Tick {
  return {
    time: time.toServerSeconds(quote.timeMs),
    time_msc: time.toServerMs(quote.timeMs),
    bid: quote.bid.toFixed(symbol.digits),
    ask: quote.ask.toFixed(symbol.digits),
    last: '0',
    volume: '0',
  };
}
