export * from './mt5-adapter.factory.js';
export * from './mt5-capabilities.js';
export * from './mt5-config.js';
export * from './mt5-options.js';
export * from './mt5.adapter.js';
export * from './mt5.venue.js';
export * from './mt5-experts.js';
