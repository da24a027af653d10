import type { SymbolInfo, TradeDeal, TradeOrder, TradePosition } from '../bridge/bridge-commands.js';

/** EURUSD as a Market-execution broker describes it; specs replace the fields they test. */
export function eurusd(overrides: Partial<SymbolInfo> = {}): SymbolInfo {
  return {
    name: 'EURUSD',
    description: 'Euro vs US Dollar',
    path: 'Forex\\Majors\\EURUSD',
    currency_base: 'EUR',
    currency_profit: 'USD',
    currency_margin: 'EUR',
    digits: 5,
    point: '0.00001',
    trade_tick_size: '0.00001',
    trade_contract_size: '100000',
    volume_min: '0.01',
    volume_max: '100.00',
    volume_step: '0.01',
    trade_stops_level: 10,
    trade_freeze_level: 0,
    trade_mode: 4,
    trade_exemode: 2,
    filling_mode: 3,
    order_mode: 127,
    expiration_mode: 15,
    bid: '1.10521',
    ask: '1.10523',
    time: 1_767_261_600,
    ...overrides,
  };
}

export function tradeOrder(overrides: Partial<TradeOrder> = {}): TradeOrder {
  return {
    ticket: '50000001',
    time_setup_msc: 1_767_261_600_000,
    time_done_msc: 0,
    time_expiration: 0,
    type: 2,
    type_time: 0,
    type_filling: 2,
    state: 1,
    magic: '7788001',
    position_id: '0',
    reason: 3,
    volume_initial: '0.10',
    volume_current: '0.10',
    price_open: '1.09000',
    sl: '0',
    tp: '0',
    price_current: '1.10521',
    price_stoplimit: '0',
    symbol: 'EURUSD',
    comment: 'c-1',
    ...overrides,
  };
}

export function tradeDeal(overrides: Partial<TradeDeal> = {}): TradeDeal {
  return {
    ticket: '40000001',
    order: '50000001',
    time_msc: 1_767_261_600_123,
    type: 0,
    entry: 0,
    magic: '7788001',
    position_id: '50000001',
    reason: 3,
    volume: '0.10',
    price: '1.10523',
    commission: '-0.70',
    swap: '0.00',
    profit: '0.00',
    fee: '0.00',
    symbol: 'EURUSD',
    comment: 'c-1',
    ...overrides,
  };
}

export function tradePosition(overrides: Partial<TradePosition> = {}): TradePosition {
  return {
    ticket: '50000001',
    time_msc: 1_767_261_600_123,
    time_update_msc: 1_767_261_600_123,
    type: 0,
    magic: '7788001',
    identifier: '50000001',
    reason: 3,
    volume: '0.10',
    price_open: '1.10523',
    sl: '0',
    tp: '0',
    price_current: '1.10621',
    swap: '0.00',
    profit: '9.80',
    symbol: 'EURUSD',
    comment: 'c-1',
    ...overrides,
  };
}
