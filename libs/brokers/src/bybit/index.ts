export * from './bybit-config.js';
export * from './bybit-capabilities.js';
export * from './bybit-logger.js';
export * from './bybit.adapter.js';
