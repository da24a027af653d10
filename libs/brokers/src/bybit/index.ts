export * from './bybit-adapter.factory.js';
export * from './bybit-config.js';
export * from './bybit-capabilities.js';
export * from './bybit-logger.js';
export * from './bybit-options.js';
export * from './bybit-secrets.js';
export * from './bybit.adapter.js';
export * from './bybit.venue.js';
