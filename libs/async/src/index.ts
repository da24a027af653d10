export * from './backoff.js';
export * from './backoff-timers.js';
export * from './retry-with-backoff.js';
export * from './serial-queue.js';
export * from './single-flight.js';
export * from './group-commit.js';
