import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { BrokerAdapter, OrderRequest } from '#brokers';
import { percentile } from '../support/stats.js';

export interface AddedLatency {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly samples: number;
}

/**
 * The time the app spends on an order before the broker is asked: from Fastify's first hook for the
 * request (its headers are read) to the adapter's placeOrder call, matched by clientOrderId. What is left
 * of a request's latency after it is the broker's answer, the writes after it and the reply.
 */
export class AdapterCallLatency {
  private readonly arrivalOf = new WeakMap<object, bigint>();
  private readonly arrivals = new Map<string, bigint>();
  private samples: number[] = [];

  /** Before listen: notes when each POST /trade arrived, and under which clientOrderId once it is parsed. */
  hook(app: NestFastifyApplication): void {
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onRequest', (request, _reply, done) => {
      this.arrivalOf.set(request.raw, process.hrtime.bigint());
      done();
    });
    fastify.addHook('preHandler', (request, _reply, done) => {
      const arrived = this.arrivalOf.get(request.raw);
      const id = (request.body as { clientOrderId?: unknown } | undefined)?.clientOrderId;
      if (request.method === 'POST' && request.url === '/trade' && arrived && typeof id === 'string')
        this.arrivals.set(id, arrived);
      done();
    });
  }

  /** Times every placeOrder of `adapter` against its request's arrival. */
  wrap(adapter: BrokerAdapter): void {
    const placeOrder = adapter.placeOrder.bind(adapter);
    adapter.placeOrder = (request: OrderRequest) => {
      const arrived = this.arrivals.get(request.clientOrderId);
      if (arrived !== undefined) {
        this.samples.push(Number(process.hrtime.bigint() - arrived) / 1e6);
        this.arrivals.delete(request.clientOrderId);
      }
      return placeOrder(request);
    };
  }

  /** The samples since the last take (a warm-up's are taken and dropped). */
  take(): number[] {
    const taken = this.samples;
    this.samples = [];
    return taken;
  }
}

export function summarizeAdded(samples: readonly number[]): AddedLatency {
  const sorted = Float64Array.from(samples).sort();
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), samples: sorted.length };
}
