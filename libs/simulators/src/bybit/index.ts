export * from './bybit-simulator.js';
export * from './bybit-simulator-config.js';
export * from './bybit-simulator-defaults.js';
export { RET as BYBIT_RET_CODES } from './bybit-ret-codes.js';
export type { BybitFault } from './rest/bybit-fault-injector.js';
