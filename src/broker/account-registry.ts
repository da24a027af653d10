import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { BackoffTimers } from '#async';
import {
  BROKER_VENUES,
  BrokerError,
  indexBrokerVenues,
  instrumentAdapter,
  type BrokerAdapter,
  type BrokerEvent,
} from '#brokers';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors/app-error.js';
import type { AccountConfig } from '../config/config-file.schema.js';
import type { Configuration } from '../config/configuration.js';
import { DataDirOwnership } from '../persistence/data-dir-ownership.js';
import { BrokerCallLogger } from './broker-call.logger.js';
import { describeConnectFailure, refusalForOrder, type ConnectFailure } from './connect-failure.js';
import { loadStoredAccounts } from './stored-accounts/load-stored-accounts.js';
import { StoredAccountRepository } from './stored-accounts/stored-account.repository.js';
import { venueContext } from './venue-context.js';

/** Where an account is defined: the config file (read-only at run time) or the API (stored, sealed). */
export type AccountOrigin = 'config' | 'api';

export interface RegisteredAccount {
  readonly config: AccountConfig;
  readonly adapter: BrokerAdapter;
  readonly origin: AccountOrigin;
}

/** An account added to or removed from the registry while the app runs. */
export interface AccountChange {
  readonly account: string;
  readonly change: 'added' | 'removed';
}

/**
 * The accounts and their adapters, built by the venue of each account's broker kind (BROKER_VENUES) from
 * its validated options: those of the config file at construction, those stored over the API at module
 * init, and any added, replaced or removed over the API later. Fails loudly on a kind with no venue.
 */
@Injectable()
export class AccountRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AccountRegistry.name);
  private readonly accounts = new Map<string, RegisteredAccount>();
  private readonly subscriptions = new Map<string, Subscription>();
  /** Every account's broker events, merged; an account added later joins it. */
  readonly events: Observable<BrokerEvent>;
  private readonly merged = new Subject<BrokerEvent>();
  /** Accounts added and removed at run time, for those that keep something per account. */
  readonly changes: Observable<AccountChange>;
  private readonly changed = new Subject<AccountChange>();
  /** Retries of a failed connect: 1 s, doubling to 60 s. */
  private readonly reconnects = new BackoffTimers({ firstDelayMs: 1000, maxDelayMs: 60_000 });
  /** Why each account last failed to connect, until it connects or is disconnected on purpose. */
  private readonly connectFailures = new Map<string, ConnectFailure>();
  private readonly venues = indexBrokerVenues(BROKER_VENUES);
  private readonly dataDir: string;
  private readonly production: boolean;

  constructor(
    config: ConfigService<Configuration, true>,
    private readonly callLogger: BrokerCallLogger,
    private readonly dataDirOwnership: DataDirOwnership,
    private readonly store: StoredAccountRepository,
  ) {
    this.events = this.merged.asObservable();
    this.changes = this.changed.asObservable();
    ({ dataDir: this.dataDir, production: this.production } = config.get('server', { infer: true }));
    config.get('accounts', { infer: true }).forEach((account, index) => {
      this.attach(this.build(account, 'config', `accounts.${index}.broker`));
    });
  }

  async onModuleInit(): Promise<void> {
    const stored = await loadStoredAccounts(this.store, new Set(this.accounts.keys()), this.production);
    for (const account of stored) {
      this.attach(this.build(account, 'api', `stored account "${account.name}"`));
      this.changed.next({ account: account.name, change: 'added' });
    }
    const autoConnect = [...this.accounts.values()].filter(({ config }) => config.autoConnect);
    await Promise.all(autoConnect.map(({ config }) => this.connectOrRetry(config.name)));
  }

  async onApplicationShutdown(): Promise<void> {
    this.reconnects.cancelAll();
    await Promise.allSettled([...this.accounts.values()].map(({ adapter }) => adapter.disconnect()));
  }

  /** Adds an account defined over the API (not yet connected); a name in use is a ConflictError. */
  add(config: AccountConfig): RegisteredAccount {
    if (this.accounts.has(config.name)) throw new ConflictError(`Account "${config.name}" exists already`);
    const account = this.build(config, 'api', 'broker');
    this.attach(account);
    this.changed.next({ account: config.name, change: 'added' });
    return account;
  }

  /** Disconnects the account and forgets it: its adapter's events stop with it. */
  async remove(name: string): Promise<void> {
    const { adapter } = this.resolveAccount(name);
    this.reconnects.cancel(name);
    this.connectFailures.delete(name);
    this.accounts.delete(name);
    // Told before the disconnect: nothing polls an account the registry no longer resolves.
    this.changed.next({ account: name, change: 'removed' });
    await adapter.disconnect().catch((error: unknown) => {
      this.logger.warn(`Account "${name}" did not disconnect cleanly: ${(error as Error).message}`);
    });
    this.subscriptions.get(name)?.unsubscribe();
    this.subscriptions.delete(name);
  }

  /** An adapter for `config` from its venue; a venue that cannot build it names `at` in its error. */
  private build(config: AccountConfig, origin: AccountOrigin, at: string): RegisteredAccount {
    const venue = this.venues.get(config.broker);
    const options = config[config.broker];
    if (!venue || !options)
      throw new Error(`${at}: no broker venue "${config.broker}" with options (account "${config.name}")`);
    const context = venueContext(venue, config.name, this.dataDir, this.dataDirOwnership);
    const adapter = instrumentAdapter(venue.create(options, context), this.callLogger);
    return { config, adapter, origin };
  }

  private attach(account: RegisteredAccount): void {
    this.accounts.set(account.config.name, account);
    this.subscriptions.set(
      account.config.name,
      account.adapter.events.subscribe({ next: (event) => this.merged.next(event) }),
    );
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
