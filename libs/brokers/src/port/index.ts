export * from './broker-adapter.js';
export * from './broker-venue.js';
export * from './index-broker-venues.js';
export * from './is-decimal-value.js';
export * from './placeholder-secret.js';
export * from './read-secret-variable.js';
export * from './venue-options-error.js';
