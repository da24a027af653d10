export * from './mt5-simulator-config.js';
export * from './mt5-simulator-defaults.js';
export * from './mt5-terminal-simulator.js';
export { Mt5BridgeRefusedError } from './bridge/mt5-dial-retry.js';
