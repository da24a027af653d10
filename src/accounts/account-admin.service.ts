import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AccountRegistry } from '../broker/account-registry.js';
import { BrokerService } from '../broker/broker.service.js';
import type { AccountView } from '../broker/dto/account.view.js';
import { apiSecretContext } from '../broker/stored-accounts/api-secret-context.js';
import type { StoredAccount } from '../broker/stored-accounts/stored-account.js';
import { StoredAccountRepository } from '../broker/stored-accounts/stored-account.repository.js';
import {
  AppError,
  ConflictError,
  UnprocessableError,
  ValidationFailedError,
} from '../common/errors/app-error.js';
import { checkAccountDefinition } from '../config/check-account-definition.js';
import type { AccountConfig } from '../config/config-file.schema.js';
import type { Configuration } from '../config/configuration.js';
import { OrderService } from '../orders/order.service.js';
import {
  asWrittenAccount,
  patchedAccount,
  toStoredAccount,
  type WrittenAccount,
} from './account-definition.js';

/**
 * Accounts added, changed and removed over the API. Each is checked exactly as a config file account is,
 * stored with its broker options sealed under the master key, then built and connected; a config file
 * account is the file's to change.
 */
@Injectable()
export class AccountAdminService {
  private readonly logger = new Logger(AccountAdminService.name);
  private readonly production: boolean;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly store: StoredAccountRepository,
    private readonly broker: BrokerService,
    private readonly orders: OrderService,
    config: ConfigService<Configuration, true>,
  ) {
    this.production = config.get('server', { infer: true }).production;
  }

  async create(body: unknown): Promise<AccountView> {
    const written = asWrittenAccount(body);
    const account = this.checked(written);
    this.build(account);
    const now = new Date();
    try {
      if (!(await this.store.insert(toStoredAccount(written, { createdAt: now, updatedAt: now }))))
        throw new ConflictError(`Account "${account.name}" exists already`);
    } catch (error) {
      await this.registry.remove(account.name);
      throw error;
    }
    this.logger.log(`Account "${account.name}" (${account.broker}) added over the API`);
    return this.connected(account);
  }

  async update(name: string, body: unknown): Promise<AccountView> {
    const stored = await this.storedAccount(name);
    const written = patchedAccount(stored, asWrittenAccount(body));
    const account = this.checked(written);
    const previous = this.registry.resolveAccount(name).config;
    await this.registry.remove(name);
    try {
      this.build(account);
      await this.store.update(
        toStoredAccount(written, { createdAt: stored.createdAt, updatedAt: new Date() }),
      );
    } catch (error) {
      // As it was: the account stays usable under its previous settings.
      if (this.registry.list().some(({ config }) => config.name === name)) await this.registry.remove(name);
      this.registry.add(previous);
      await this.connected(previous);
      throw error;
    }
    this.logger.log(`Account "${name}" (${account.broker}) changed over the API; reconnecting`);
    return this.connected(account);
  }

  /** Refused while the account has orders still open: nothing would follow them to their end. */
  async remove(name: string): Promise<AccountView> {
    await this.storedAccount(name);
    const open = await this.orders.openAndRecent(name, 0);
    if (open.length > 0)
      throw new ConflictError(
        `Account "${name}" has ${open.length} open order(s): cancel them or let them finish first`,
        { openOrders: open.map((order) => order.id) },
      );
    const view = this.broker.view(name);
    await this.store.remove(name);
    await this.registry.remove(name);
    this.logger.log(`Account "${name}" removed over the API`);
    return { ...view, status: 'disconnected' };
  }

  private checked(written: WrittenAccount): AccountConfig {
    const { account, problems } = checkAccountDefinition(written, apiSecretContext(this.production));
    if (!account) throw new ValidationFailedError(`Invalid account: ${problems.join('; ')}`, { problems });
    return account;
  }

  /** The stored account of that name; a config file account, or none, is refused. */
  private async storedAccount(name: string): Promise<StoredAccount> {
    const { origin } = this.registry.resolveAccount(name);
    const stored = origin === 'api' ? await this.store.find(name) : undefined;
    if (!stored)
      throw new ConflictError(
        `Account "${name}" is defined in the config file: change it there (and restart), not over the API`,
      );
    return stored;
  }

  private build(account: AccountConfig): void {
    try {
      this.registry.add(account);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new UnprocessableError(
        `The ${account.broker} account cannot be set up: ${(error as Error).message}`,
      );
    }
  }

  private async connected(account: AccountConfig): Promise<AccountView> {
    if (account.autoConnect) await this.registry.connectOrRetry(account.name);
    return this.broker.view(account.name);
  }
}
