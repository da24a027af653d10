export * from './bybit/index.js';
