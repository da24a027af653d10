export * from './tws-simulator.js';
export * from './tws-simulator-config.js';
export * from './tws-simulator-defaults.js';
