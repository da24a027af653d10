import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountRegistry } from '../broker/account-registry.js';
import { NotFoundError } from '../common/errors/app-error.js';
import { StrategyCatalog } from '../strategy/catalog/strategy-catalog.js';
import type { CreateWebhookDto } from './dto/create-webhook.dto.js';
import { tradingViewMessageTemplate } from './tradingview-message-template.js';
import { secretHint } from '../common/secrets/secret-hint.js';
import { generateWebhookSecret, hashWebhookSecret } from './webhook-secret.js';
import type { WebhookRecord } from './webhook-record.js';
import { WebhookRepository } from './webhook.repository.js';

export interface CreatedWebhook {
  readonly record: WebhookRecord;
  /** The secret itself: shown once, never stored. */
  readonly secret: string;
  readonly messageTemplate: string;
}

/** Creating, listing and revoking TradingView webhooks (the admin side). */
@Injectable()
export class WebhookService {
  constructor(
    private readonly repository: WebhookRepository,
    private readonly registry: AccountRegistry,
    private readonly catalog: StrategyCatalog,
  ) {}

  async create(request: CreateWebhookDto): Promise<CreatedWebhook> {
    // Checked now, so a typo is a 404 here rather than every alert failing later.
    const account = this.registry.resolveAccount(request.account).config.name;
    const strategy = this.catalog.get(request.strategy).name;
    const secret = generateWebhookSecret();
    const record: WebhookRecord = {
      // Short, so `tv-<id>-<alert id>` leaves room for TradingView's alert ids within a signal id's 64.
      id: `wh_${randomBytes(8).toString('hex')}`,
      name: request.name,
      account,
      strategy,
      symbols: [...request.symbols],
      replayWindowSeconds: request.replayWindowSeconds,
      secretHash: hashWebhookSecret(secret),
      // Its last 4 characters: 24 of its 256 random bits.
      secretHint: secretHint(secret),
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    await this.repository.insert(record);
    return { record, secret, messageTemplate: tradingViewMessageTemplate(secret) };
  }

  list(): Promise<WebhookRecord[]> {
    return this.repository.list();
  }

  async get(id: string): Promise<WebhookRecord> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Webhook ${id} not found`);
    return record;
  }

  async revoke(id: string): Promise<WebhookRecord> {
    const record = await this.repository.revoke(id, new Date());
    if (!record) throw new NotFoundError(`Webhook ${id} not found`);
    return record;
  }
}
