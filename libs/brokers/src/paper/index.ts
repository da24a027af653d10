export * from './paper-adapter.factory.js';
export * from './paper-capabilities.js';
export * from './paper-config.js';
export * from './paper-defaults.js';
export * from './paper-logger.js';
export * from './paper-options.js';
export * from './paper.adapter.js';
export * from './paper.venue.js';
