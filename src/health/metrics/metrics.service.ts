import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Subscription } from 'rxjs';
import { AccountRegistry } from '../../broker/account-registry.js';
import { BrokerCallLogger } from '../../broker/broker-call.logger.js';
import { OrderChanges } from '../../orders/order-changes.js';
import { SignalOutcomes } from '../../strategy/signals/signal-outcomes.js';

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics of this process: the Node runtime, every HTTP request and broker call with its
 * latency, order status changes, each account's connection, and signals accepted and refused. Served by
 * GET /metrics.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly subscriptions = new Subscription();
  private readonly http = new Histogram({
    name: 'edgerunner_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(
    registry: AccountRegistry,
    calls: BrokerCallLogger,
    changes: OrderChanges,
    signals: SignalOutcomes,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'edgerunner_' });
    const brokerCalls = new Histogram({
      name: 'edgerunner_broker_call_duration_seconds',
      help: 'Calls to brokers by broker, account, method and outcome (errors by their code)',
      labelNames: ['broker', 'account', 'method', 'outcome', 'error_code'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    const orders = new Counter({
      name: 'edgerunner_order_changes_total',
      help: 'Stored order changes by account and the status reached',
      labelNames: ['account', 'status'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'edgerunner_broker_connected',
      help: '1 while an account is connected to its broker, else 0',
      labelNames: ['account', 'broker', 'status'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const { config, adapter } of registry.list()) {
          this.set(
            { account: config.name, broker: config.broker, status: adapter.status },
            adapter.status === 'connected' ? 1 : 0,
          );
        }
      },
    });
    this.subscriptions.add(
      calls.calls.subscribe((call) =>
        brokerCalls.observe(
          {
            broker: call.broker,
            account: call.account,
            method: call.method,
            outcome: call.outcome,
            error_code: call.errorCode ?? '',
          },
          call.latencyMs / 1000,
        ),
      ),
    );
    this.subscriptions.add(
      changes.changes.subscribe((order) => orders.inc({ account: order.account, status: order.status })),
    );
    const signalCount = new Counter({
      name: 'edgerunner_signals_total',
      help: 'Signals by source (trigger, tradingview, run), strategy, outcome and the reason of a refusal',
      labelNames: ['source', 'strategy', 'outcome', 'reason'],
      registers: [this.registry],
    });
    this.subscriptions.add(
      signals.outcomes.subscribe((signal) =>
        signalCount.inc({
          source: signal.source,
          strategy: signal.strategy,
          outcome: signal.outcome,
          reason: signal.reason ?? '',
        }),
      ),
    );
  }

  /** One answered HTTP request; `route` is the pattern (`/orders/:id`), never the raw path. */
  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: String(status) }, seconds);
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }

  onModuleDestroy(): void {
    this.subscriptions.unsubscribe();
  }
}
