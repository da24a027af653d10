export * from './api-keys.table.js';
export * from './equity-snapshots.table.js';
export * from './fills.table.js';
export * from './order-events.table.js';
export * from './orders.table.js';
export * from './risk-days.table.js';
export * from './risk-kill-switches.table.js';
