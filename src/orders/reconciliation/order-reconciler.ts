import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { BackoffTimers, SingleFlight } from '#async';
import { OrderNotFoundError, type BrokerAdapter, type BrokerOrder } from '#brokers';
import { AccountRegistry } from '../../broker/account-registry.js';
import { TradeLogService } from '../../trades/trade-log.service.js';
import type { OrderRecord } from '../order-record.js';
import { OrderStateApplier } from '../order-state.applier.js';
import { OrderRepository } from '../order.repository.js';
import { OrderService } from '../order.service.js';
import { DegradedAccounts } from './degraded-accounts.js';
import type { ReconciliationReport } from './reconciliation-report.js';

const FIRST_RUN_LOOKBACK_MS = 7 * 86_400_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Brings stored orders and fills back in line with the broker at start-up and after every reconnect:
 * orders left `new` by a crash are looked up by clientOrderId, open orders are refreshed, unknown broker
 * orders adopted, missed fills fetched. Until a run succeeds the account is degraded and takes no new orders.
 */
@Injectable()
export class OrderReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OrderReconciler.name);
  private readonly running = new SingleFlight<string, ReconciliationReport | undefined>();
  private readonly retries = new BackoffTimers({ firstDelayMs: RETRY_MIN_MS, maxDelayMs: RETRY_MAX_MS });
  private subscription: Subscription | undefined;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly orders: OrderRepository,
    private readonly applier: OrderStateApplier,
    private readonly orderService: OrderService,
    private readonly tradeLog: TradeLogService,
    private readonly degraded: DegradedAccounts,
  ) {}

  /** Runs before the server listens, so no order is taken before its account is reconciled. */
  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.registry.events.subscribe((event) => {
      if (event.type === 'connection' && event.status === 'connected') void this.reconcile(event.account);
    });
    await Promise.all(
      this.registry
        .list()
        .filter(({ adapter }) => adapter.status === 'connected')
        .map(({ config }) => this.reconcile(config.name)),
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.retries.cancelAll();
  }

  /** Reconciles one account; concurrent calls share one run. Never throws: failure degrades the account. */
  reconcile(account: string): Promise<ReconciliationReport | undefined> {
    return this.running.run(account, () => this.run(account));
  }

  private async run(account: string): Promise<ReconciliationReport | undefined> {
    const startedAt = new Date().toISOString();
    try {
      const counts = await this.reconcileWith(account, this.registry.resolve(account));
      const report: ReconciliationReport = {
        account,
        ...counts,
        startedAt,
        finishedAt: new Date().toISOString(),
      };
      this.degraded.set(account, null);
      this.clearRetry(account);
      this.logger.log({ msg: 'reconciled', ...report });
      return report;
    } catch (error) {
      const reason = `reconciliation failed: ${(error as Error).message}`;
      this.degraded.set(account, reason);
      this.logger.error(`Account ${account} degraded, ${reason}`);
      this.scheduleRetry(account);
      return undefined;
    }
  }

  private async reconcileWith(
    account: string,
    adapter: BrokerAdapter,
  ): Promise<Omit<ReconciliationReport, 'account' | 'startedAt' | 'finishedAt'>> {
    let recovered = 0;
    let neverReceived = 0;
    let updated = 0;
    for (const order of await this.orders.findUnfinished(account)) {
      if (this.orderService.isInFlight(account, order.clientOrderId)) continue;
      if (order.brokerOrderId === null) {
        const atBroker = await adapter.findOrderByClientOrderId(order.clientOrderId);
        if (atBroker) {
          await this.applyBroker(account, atBroker);
          recovered += 1;
        } else {
          await this.rejectNeverReceived(order);
          neverReceived += 1;
        }
        continue;
      }
      const atBroker = await this.lookup(adapter, order);
      if (atBroker && (await this.applyBroker(account, atBroker)).status !== order.status) updated += 1;
    }

    let adopted = 0;
    for (const open of await adapter.getOpenOrders()) {
      const known = await this.orders.findByBrokerOrderId(account, open.brokerOrderId);
      await this.applyBroker(account, open);
      if (!known) adopted += 1;
    }

    const lastFill = await this.tradeLog.lastExecutedAt(account);
    const since = lastFill ?? new Date(Date.now() - FIRST_RUN_LOOKBACK_MS);
    const fills = await adapter.getFills(since);
    await this.tradeLog.record(account, fills);
    return { recovered, neverReceived, updated, adopted, fillsFetched: fills.length };
  }

  private async lookup(adapter: BrokerAdapter, order: OrderRecord): Promise<BrokerOrder | null> {
    try {
      return await adapter.getOrder(order.brokerOrderId ?? '');
    } catch (error) {
      if (!(error instanceof OrderNotFoundError)) throw error;
      this.logger.warn(
        `Order ${order.id} (${order.brokerOrderId}) is unknown to the broker; left ${order.status}`,
      );
      return null;
    }
  }

  private applyBroker(account: string, order: BrokerOrder): Promise<OrderRecord> {
    return this.applier.applyBrokerOrder(account, order, 'reconcile');
  }

  private rejectNeverReceived(order: OrderRecord): Promise<OrderRecord> {
    return this.applier.apply(
      order.id,
      {
        status: 'rejected',
        filledQuantity: '0',
        brokerOrderId: null,
        rejectReason:
          'never reached the broker: no order with this clientOrderId was found there after a restart',
      },
      { source: 'reconcile' },
    );
  }

  private scheduleRetry(account: string): void {
    this.retries.schedule(account, () => void this.reconcile(account));
  }

  private clearRetry(account: string): void {
    this.retries.cancel(account);
  }
}
