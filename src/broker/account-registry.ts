import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { merge, Subject, type Observable } from 'rxjs';
import { BackoffTimers } from '#async';
import {
  BROKER_VENUES,
  BrokerError,
  indexBrokerVenues,
  instrumentAdapter,
  type BrokerAdapter,
  type BrokerEvent,
} from '#brokers';
import { NotFoundError, ValidationFailedError } from '../common/errors/app-error.js';
import type { AccountConfig } from '../config/config-file.schema.js';
import type { Configuration } from '../config/configuration.js';
import { DataDirOwnership } from '../persistence/data-dir-ownership.js';
import { BrokerCallLogger } from './broker-call.logger.js';
import { describeConnectFailure, refusalForOrder, type ConnectFailure } from './connect-failure.js';
import { venueContext } from './venue-context.js';

interface RegisteredAccount {
  readonly config: AccountConfig;
  readonly adapter: BrokerAdapter;
}

/**
 * The configured accounts and their adapters, built once at start-up by the venue of each account's
 * broker kind (BROKER_VENUES) from its validated options. Fails loudly on a kind with no venue or two.
 */
@Injectable()
export class AccountRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AccountRegistry.name);
  private readonly accounts = new Map<string, RegisteredAccount>();
  /** Every account's broker events, merged. */
  readonly events: Observable<BrokerEvent>;
  private readonly merged = new Subject<BrokerEvent>();
  /** Retries of a failed connect: 1 s, doubling to 60 s. */
  private readonly reconnects = new BackoffTimers({ firstDelayMs: 1000, maxDelayMs: 60_000 });
  /** Why each account last failed to connect, until it connects or is disconnected on purpose. */
  private readonly connectFailures = new Map<string, ConnectFailure>();

  constructor(
    config: ConfigService<Configuration, true>,
    callLogger: BrokerCallLogger,
    dataDirOwnership: DataDirOwnership,
  ) {
    this.events = this.merged.asObservable();
    const venues = indexBrokerVenues(BROKER_VENUES);
    const { dataDir } = config.get('server', { infer: true });
    config.get('accounts', { infer: true }).forEach((account, index) => {
      const venue = venues.get(account.broker);
      const options = account[account.broker];
      if (!venue || !options)
        throw new Error(
          `accounts.${index}.broker: no broker venue "${account.broker}" with options (account "${account.name}")`,
        );
      const context = venueContext(venue, account.name, dataDir, dataDirOwnership);
      this.accounts.set(account.name, {
        config: account,
        adapter: instrumentAdapter(venue.create(options, context), callLogger),
      });
    });
    merge(...[...this.accounts.values()].map(({ adapter }) => adapter.events)).subscribe(this.merged);
  }

  async onModuleInit(): Promise<void> {
    const autoConnect = [...this.accounts.values()].filter(({ config }) => config.autoConnect);
    await Promise.all(autoConnect.map(({ config }) => this.connectOrRetry(config.name)));
  }

  async onApplicationShutdown(): Promise<void> {
    this.reconnects.cancelAll();
    await Promise.allSettled([...this.accounts.values()].map(({ adapter }) => adapter.disconnect()));
  }

  /**
   * Connects the account; when that fails for a reason that may pass (the broker unreachable, a timeout,
   * a rate limit) it is tried again with backoff until it connects or is disconnected on purpose. A broker
   * that refuses the credentials is not retried: that needs a person. Never throws.
   */
  async connectOrRetry(name: string): Promise<void> {
    const { config } = this.resolveAccount(name);
    try {
      await this.connect(name);
    } catch (error) {
      // A broker that is down at start must not stop the API; the account shows `down`, saying why.
      const message = (error as Error).message;
      if (error instanceof BrokerError && !error.retryable) {
        this.reconnects.cancel(name);
        this.logger.error(`Account "${config.name}" (${config.broker}) failed to connect: ${message}`);
        return;
      }
      this.connectFailures.set(name, { error, retrying: true });
      const delayMs = this.reconnects.schedule(name, () => void this.connectOrRetry(name));
      this.logger.error(
        `Account "${config.name}" (${config.broker}) failed to connect: ${message}; retrying in ${delayMs} ms`,
      );
    }
  }

  /** Connects the account once, keeping why it failed for GET /accounts and for orders on it. */
  async connect(name: string): Promise<void> {
    const { config, adapter } = this.resolveAccount(name);
    try {
      await adapter.connect();
    } catch (error) {
      this.connectFailures.set(name, { error, retrying: false });
      throw error;
    }
    this.reconnects.cancel(name);
    this.connectFailures.delete(name);
    this.logger.log(`Account "${config.name}" (${config.broker}) connected`);
  }

  /** A connect asked for now makes any pending automatic retry moot. */
  stopRetrying(name: string): void {
    this.reconnects.cancel(name);
  }

  /** Disconnects the account on purpose, which also stops any pending retry. */
  async disconnect(name: string): Promise<void> {
    const { adapter } = this.resolveAccount(name);
    this.reconnects.cancel(name);
    this.connectFailures.delete(name);
    await adapter.disconnect();
  }

  /** Why the account is not connected, when a connect failed; null when it is connected or never tried. */
  downReason(name: string): string | null {
    const failure = this.connectFailures.get(name);
    if (!failure || this.resolve(name).status === 'connected') return null;
    return describeConnectFailure(failure);
  }

  /**
   * The broker's refusal (credentials, permissions) that keeps the account down, as the error an order on
   * it gets: nothing a retry can change, unlike an unreachable broker.
   */
  connectRefusal(name: string): BrokerError | undefined {
    const error = this.connectFailures.get(name)?.error;
    if (!(error instanceof BrokerError) || error.retryable || this.resolve(name).status === 'connected')
      return undefined;
    return refusalForOrder(error, name);
  }

  list(): RegisteredAccount[] {
    return [...this.accounts.values()];
  }

  /** The named account's adapter; with no name, the only account (an error when there are several). */
  resolve(name?: string): BrokerAdapter {
    return this.resolveAccount(name).adapter;
  }

  resolveAccount(name?: string): RegisteredAccount {
    if (name !== undefined) {
      const account = this.accounts.get(name);
      if (!account)
        throw new NotFoundError(`Unknown account "${name}"`, { accounts: [...this.accounts.keys()] });
      return account;
    }
    const [only, ...others] = this.accounts.values();
    if (!only || others.length > 0) {
      throw new ValidationFailedError(
        `account is required: ${this.accounts.size} accounts are configured (${[...this.accounts.keys()].join(', ')})`,
      );
    }
    return only;
  }
}
