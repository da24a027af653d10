import { retryWithBackoff } from '#async';
import type { BrokerEvent, ConnectionStatus } from '../domain/index.js';
import { BrokerConnectionError, BrokerError } from '../errors/index.js';
import { requestExecutions } from './ibkr-executions.js';
import type { IbkrLinkEvent } from './ibkr-message-router.js';
import type { IbkrParts } from './ibkr-parts.js';

/** Executions are asked from this long before the last one seen, so a clock step loses none. */
const RECOVERY_SLACK_MS = 60_000;

/**
 * The connection's state machine: connect (handshake, account check, contracts, streams, open orders),
 * reconnect with backoff after the socket drops (326 included: TWS may hold the old session a while),
 * and recovery after TWS's own link to IB comes back. Each path reconciles (open orders, executions
 * since the last one seen, positions) before it reports `connected`.
 */
export class IbkrSessionKeeper {
  private current: ConnectionStatus = 'down';
  /** Bumped by stop(): a reconnect loop of an older generation gives up. */
  private generation = 0;
  private wake: (() => void) | undefined;
  private startedAt = Date.now();
  private starting: Promise<void> | undefined;
  private reconnecting = false;

  constructor(
    private readonly parts: IbkrParts,
    private readonly emit: (event: BrokerEvent) => void,
  ) {}

  get status(): ConnectionStatus {
    return this.current;
  }

  /** Connects once; a second call while connecting waits for the same handshake. */
  start(): Promise<void> {
    if (this.current === 'connected' || this.current === 'reconnecting') return Promise.resolve();
    this.starting ??= this.firstSession().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async firstSession(): Promise<void> {
    const generation = ++this.generation;
    this.setStatus('connecting');
    try {
      await this.openSession();
    } catch (error) {
      this.parts.connection.close();
      const failure =
        error instanceof BrokerError ? error : new BrokerConnectionError(String(error), { broker: 'ibkr' });
      if (generation === this.generation) this.setStatus('down', failure.message);
      throw failure;
    }
    this.setStatus('connected');
  }

  stop(): void {
    this.generation += 1;
    this.wake?.();
    this.parts.connection.close();
    this.failWaiting('disconnected by the client');
    this.parts.fills.close();
    if (this.current !== 'down') this.setStatus('down', 'disconnected by the client');
  }

  /** The socket closed after its handshake. */
  dropped(reason: string): void {
    this.failWaiting(reason);
    this.setStatus('reconnecting', reason);
    // A drop during a reconnect's reconciliation fails that try; its loop goes on, no second one starts.
    if (!this.reconnecting) void this.reconnect(this.generation);
  }

  /** TWS's link to IB: lost (the socket stays, callbacks keep coming), or back with or without its data. */
  link(event: IbkrLinkEvent, code: number): void {
    if (event === 'lost') {
      this.setStatus('reconnecting', `TWS lost its connection to IB (${code})`);
      return;
    }
    void this.recover(event === 'restored-data-lost');
  }

  private async recover(resubscribe: boolean): Promise<void> {
    const { connection, market, portfolio, log, config } = this.parts;
    try {
      // 1101: TWS dropped the market data and account subscriptions; 1102 kept them.
      if (resubscribe) {
        market.resubscribe();
        portfolio.subscribe();
      }
      await this.reconcile();
      if (connection.isReady) this.setStatus('connected', 'TWS reconnected to IB');
    } catch (error) {
      log('warn', `IB reconciliation of "${config.account}" failed: ${(error as Error).message}`);
      if (connection.isReady) this.setStatus('connected', 'TWS reconnected to IB; reconciliation failed');
    }
  }

  /** Open orders, executions since the last one seen (each new one published once), then positions. */
  private async reconcile(): Promise<void> {
    const { orders, fills, requests, config, state, portfolio, recordExecution } = this.parts;
    await orders.listOpen();
    const since = new Date((fills.lastExecutionTime?.getTime() ?? this.startedAt) - RECOVERY_SLACK_MS);
    const executions = await requestExecutions(requests, config.clientId, state.accountCode, since);
    for (const each of executions) recordExecution(each);
    await portfolio.positions();
  }

  private async openSession(): Promise<void> {
    const {
      connection,
      config,
      state,
      contracts,
      resolver,
      portfolio,
      market,
      orders,
      requests,
      orderIds,
      log,
    } = this.parts;
    await connection.open();
    const managed = connection.managedAccounts;
    const code = config.accountCode ?? managed[0];
    if (!code || !managed.includes(code)) {
      throw new BrokerConnectionError(
        `IB account ${code ?? '(none)'} is not managed by this TWS login (it manages: ${managed.join(', ') || 'none'})`,
        { broker: 'ibkr' },
      );
    }
    state.accountCode = code;
    for (const spec of contracts.allSpecs()) {
      await resolver.resolve(spec.symbol).catch((error: unknown) => {
        log(
          'warn',
          `IB contract ${spec.symbol} of "${config.account}" not resolved: ${(error as Error).message}`,
        );
      });
    }
    portfolio.subscribe();
    market.resubscribe();
    await orders.listOpen();
    // Today's executions name ids this client used even when no order of them is open: after a gateway
    // restart nextValidId may be lower, and an id below them would be refused as a duplicate (103).
    const executions = await requestExecutions(requests, config.clientId, state.accountCode);
    for (const { execution } of executions) orderIds.seen(execution.orderId ?? 0);
  }

  private async reconnect(generation: number): Promise<void> {
    this.reconnecting = true;
    try {
      await this.reconnectLoop(generation);
    } finally {
      this.reconnecting = false;
    }
  }

  private async reconnectLoop(generation: number): Promise<void> {
    const { config, connection, log } = this.parts;
    const sleep = (ms: number): Promise<void> =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        timer.unref();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    try {
      // The first try waits too: TWS may still hold the old session for a moment (326).
      await sleep(config.reconnectInitialDelayMs);
      await retryWithBackoff(
        async () => {
          if (generation !== this.generation) return;
          await this.openSession();
          await this.reconcile();
        },
        {
          attempts: Number.MAX_SAFE_INTEGER,
          baseDelayMs: Math.min(2 * config.reconnectInitialDelayMs, config.reconnectMaxDelayMs),
          maxDelayMs: config.reconnectMaxDelayMs,
          shouldRetry: () => generation === this.generation,
          onRetry: (error, attempt, delayMs) => {
            connection.close();
            log(
              'warn',
              `IB reconnect ${attempt} of "${config.account}" failed (${(error as Error).message}); next in ${delayMs} ms`,
            );
          },
          sleep,
        },
      );
      if (generation === this.generation) this.setStatus('connected', 'reconnected');
    } catch (error) {
      if (generation === this.generation) this.setStatus('down', (error as Error).message);
    }
  }

  private failWaiting(reason: string): void {
    this.parts.requests.failAll(new BrokerConnectionError(`IB: ${reason}`, { broker: 'ibkr' }));
    this.parts.orders.failAll();
  }

  private setStatus(status: ConnectionStatus, reason?: string): void {
    if (status === this.current && !reason) return;
    this.current = status;
    if (status === 'connected') this.startedAt = Date.now();
    this.emit({
      type: 'connection',
      account: this.parts.config.account,
      status,
      ...(reason ? { reason } : {}),
    });
  }
}
