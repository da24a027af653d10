import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  timeframeToMs,
  type AccountSummary,
  type Candle,
  type Instrument,
  type Position,
  type Ticker,
} from '#brokers';
import { UnprocessableError, ValidationFailedError } from '../common/errors/app-error.js';
import { ACCOUNT_INTAKE_CHANGED, AccountIntakeChanged } from './account-intake-changed.event.js';
import { AccountRegistry } from './account-registry.js';
import type { AccountView } from './dto/account.view.js';
import { maskedOptions } from './masked-options.js';
import type { CandlesQuery } from './dto/candles.query.js';

/** Accounts, portfolio and market data, whatever broker serves the account. */
@Injectable()
export class BrokerService {
  /** As the orders module last told: why an account takes no new orders. */
  private readonly degradedReasons = new Map<string, string>();

  constructor(
    private readonly registry: AccountRegistry,
    events: EventEmitter2,
  ) {
    // Heard from construction on: the start-up reconciliation reports before @OnEvent listeners are bound.
    events.on(ACCOUNT_INTAKE_CHANGED, ({ account, degradedReason }: AccountIntakeChanged) => {
      if (degradedReason === null) this.degradedReasons.delete(account);
      else this.degradedReasons.set(account, degradedReason);
    });
  }

  listAccounts(): AccountView[] {
    return this.registry.list().map(({ config, adapter, origin }) => ({
      name: config.name,
      broker: config.broker,
      status: adapter.status,
      downReason: this.registry.downReason(config.name),
      degradedReason: this.degradedReasons.get(config.name) ?? null,
      autoConnect: config.autoConnect,
      origin,
      options: maskedOptions(config),
      capabilities: {
        ...adapter.capabilities,
        orderTypes: [...adapter.capabilities.orderTypes],
        timeInForce: [...adapter.capabilities.timeInForce],
        timeframes: [...adapter.capabilities.timeframes],
      },
    }));
  }

  async connect(account?: string): Promise<AccountView> {
    const { config } = this.registry.resolveAccount(account);
    // Asked for now: any pending automatic retry is moot.
    this.registry.stopRetrying(config.name);
    await this.registry.connect(config.name);
    return this.view(config.name);
  }

  async disconnect(account?: string): Promise<AccountView> {
    const { config } = this.registry.resolveAccount(account);
    await this.registry.disconnect(config.name);
    return this.view(config.name);
  }

  getAccountSummary(account?: string): Promise<AccountSummary> {
    return this.registry.resolve(account).getAccountSummary();
  }

  getPositions(account?: string): Promise<Position[]> {
    return this.registry.resolve(account).getPositions();
  }

  getTicker(symbol: string, account?: string): Promise<Ticker> {
    return this.registry.resolve(account).getTicker(symbol);
  }

  listInstruments(account?: string): Promise<Instrument[]> {
    return this.registry.resolve(account).listInstruments();
  }

  async getCandles(query: CandlesQuery): Promise<Candle[]> {
    const adapter = this.registry.resolve(query.account);
    if (!adapter.capabilities.timeframes.includes(query.timeframe)) {
      throw new UnprocessableError(
        `timeframe "${query.timeframe}" is not offered by ${adapter.kind}; use one of ${adapter.capabilities.timeframes.join(', ')}`,
      );
    }
    const barMs = timeframeToMs(query.timeframe) ?? 0;
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - barMs * query.limit);
    if (from.getTime() >= to.getTime()) throw new ValidationFailedError('from must be earlier than to');
    const candles = await adapter.getCandles(query.symbol, query.timeframe, from, to);
    return candles.slice(-query.limit);
  }

  view(name: string): AccountView {
    const view = this.listAccounts().find((account) => account.name === name);
    if (!view) throw new Error(`Account ${name} vanished from the registry`);
    return view;
  }
}
