export * from './bybit/index.js';
export * from './ibkr/index.js';
