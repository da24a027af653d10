export * from './broker-adapter-contract.js';
