export * from './decimal/index.js';
export * from './domain/index.js';
export * from './errors/index.js';
export * from './instrumentation/index.js';
export * from './paper/index.js';
export * from './port/index.js';
export * from './bybit/index.js';
export * from './venues.js';
