// Jest's ESM loader fails with "Cannot require() ES Module ... in a cycle" when a CommonJS package
// (@nestjs/throttler, nestjs-pino) requires @nestjs/common first; loading Nest up front avoids it.
await import('@nestjs/common');
await import('@nestjs/core');
