export * from './ibkr-adapter.factory.js';
export * from './ibkr-capabilities.js';
export * from './ibkr-config.js';
export * from './ibkr-options.js';
export * from './ibkr.adapter.js';
export * from './ibkr.venue.js';
