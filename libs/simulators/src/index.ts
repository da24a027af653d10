export * from './bybit/index.js';
export * from './ibkr/index.js';
export * from './mt5/index.js';
