export * from './broker-error.js';
