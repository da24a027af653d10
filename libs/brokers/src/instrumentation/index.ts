export * from './broker-call-observer.js';
export * from './instrument-adapter.js';
