export * from './daily-equity.js';
export * from './equity-point.js';
export * from './max-drawdown.js';
export * from './risk-adjusted-return.js';
