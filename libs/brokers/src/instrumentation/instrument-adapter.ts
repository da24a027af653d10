import { performance } from 'node:perf_hooks';
import { BrokerError } from '../errors/index.js';
import { BROKER_CALLS, type BrokerAdapter, type BrokerCall } from '../port/broker-adapter.js';
import type { BrokerCallObserver } from './broker-call-observer.js';

const INSTRUMENTED: ReadonlySet<PropertyKey> = new Set<PropertyKey>(BROKER_CALLS);

/**
 * Wraps an adapter so that every call of the port is timed and reported to `observer`, whatever the
 * adapter. Properties and broker-specific extras pass through untouched.
 */
export function instrumentAdapter<T extends BrokerAdapter>(adapter: T, observer: BrokerCallObserver): T {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      // Bound so that adapters with private class fields work through the proxy.
      if (!INSTRUMENTED.has(property)) return (value as (...a: unknown[]) => unknown).bind(target);
      const method = property as BrokerCall;
      return async (...args: unknown[]): Promise<unknown> => {
        const started = performance.now();
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          observer.record({
            broker: target.kind,
            account: target.account,
            method,
            outcome: 'ok',
            latencyMs: performance.now() - started,
          });
          return result;
        } catch (error) {
          observer.record({
            broker: target.kind,
            account: target.account,
            method,
            outcome: 'error',
            errorCode: error instanceof BrokerError ? error.code : 'unexpected',
            latencyMs: performance.now() - started,
          });
          throw error;
        }
      };
    },
  });
}
