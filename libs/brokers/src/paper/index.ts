export * from './paper-capabilities.js';
export * from './paper-config.js';
export * from './paper-defaults.js';
export * from './paper-logger.js';
export * from './paper.adapter.js';
