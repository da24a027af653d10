import { Injectable, Logger } from '@nestjs/common';
import {
  type AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  UnprocessableError,
  ValidationFailedError,
} from '../common/errors/app-error.js';
import { createRequestValidationPipe } from '../common/validation/request-validation.pipe.js';
import type { OrderView } from '../orders/dto/order.view.js';
import type { TriggerSignalDto } from '../strategy/dto/trigger-signal.dto.js';
import { type SignalOutcomeInput, SignalOutcomes } from '../strategy/signals/signal-outcomes.js';
import { SignalService } from '../strategy/signals/signal.service.js';
import { parseAlertBody } from './alert-body.js';
import { alertSignalId } from './alert-signal-id.js';
import { TradingViewAlertDto } from './dto/tradingview-alert.dto.js';
import { isWithinReplayWindow } from './replay-window.js';
import { webhookSecretMatches } from './webhook-secret.js';
import type { WebhookRecord } from './webhook-record.js';
import { WebhookRepository } from './webhook.repository.js';

/** Why an alert was refused before it reached the signal service; logged and counted under this. */
export type AlertRefusalReason =
  | 'unknown_webhook'
  | 'revoked'
  | 'bad_secret'
  | 'bad_payload'
  | 'expired'
  | 'symbol_not_allowed'
  | 'replayed';

/**
 * An alert TradingView posted, checked in order (webhook, secret, payload, time, symbol, alert id) and then
 * fired at the webhook's strategy as a signal. Every refusal is recorded with SignalOutcomes under its
 * reason, never with the secret; the signal service records what became of the rest.
 */
@Injectable()
export class TradingViewAlertService {
  private readonly logger = new Logger(TradingViewAlertService.name);
  private readonly validation = createRequestValidationPipe();

  constructor(
    private readonly repository: WebhookRepository,
    private readonly signals: SignalService,
    private readonly outcomes: SignalOutcomes,
  ) {}

  async receive(webhookId: string, body: unknown): Promise<OrderView> {
    const webhook = await this.repository.findById(webhookId);
    if (!webhook || webhook.revokedAt !== null) {
      // One answer for both: the caller has shown no secret yet, so it learns nothing of which ids exist.
      const error = new NotFoundError(`Webhook ${webhookId} not found or revoked`);
      if (!webhook) throw this.refusal(this.unauthenticated(undefined), 'unknown_webhook', error);
      throw this.refusal(this.unauthenticated(webhook), 'revoked', error);
    }
    const anonymous = this.unauthenticated(webhook);
    const payload = this.parse(body, anonymous);
    if (!webhookSecretMatches(payload.secret, webhook.secretHash)) {
      const error = new UnauthenticatedError(`Wrong secret for webhook ${webhook.id}`, {
        reason: 'bad_secret',
      });
      throw this.refusal(anonymous, 'bad_secret', error);
    }
    const alert = await this.validate(payload, anonymous);
    const signalId = alertSignalId(webhook.id, alert.alertId);
    const seen = { ...anonymous, signalId, symbol: alert.symbol };
    const now = new Date();
    this.checkTime(alert, webhook, now, seen);
    if (!webhook.symbols.includes(alert.symbol)) {
      const error = new ForbiddenError(
        `Webhook ${webhook.id} may not trade ${alert.symbol}; it trades ${webhook.symbols.join(', ')}`,
        { reason: 'symbol_not_allowed', symbol: alert.symbol, symbols: webhook.symbols },
      );
      throw this.refusal(seen, 'symbol_not_allowed', error);
    }
    // Taken before trading, so of two deliveries at once only one trades, and the alert id is spent even
    // when the order is then refused: a new attempt needs a new alert, never a replay of this one.
    const claim = await this.repository.claimAlert(webhook.id, alert.alertId, now);
    if (!claim.claimed) {
      const { orderId, receivedAt } = claim.first;
      const error = new ConflictError(
        `Alert ${alert.alertId} was already received at ${receivedAt}; it is never traded twice`,
        { reason: 'replayed', alertId: alert.alertId, orderId, receivedAt },
      );
      throw this.refusal(seen, 'replayed', error);
    }
    const order = await this.signals.trigger(
      webhook.strategy,
      this.signal(webhook, alert, signalId),
      'tradingview',
    );
    await this.repository.recordAlertOrder(webhook.id, alert.alertId, order.id).catch((error: unknown) => {
      // The order is placed and the alert id taken; only the 409's reference to the order is missing.
      this.logger.error(`Alert ${alert.alertId} became order ${order.id}, not recorded: ${String(error)}`);
    });
    return order;
  }

  /** The signal an alert fires: on the webhook's account, whatever the alert says. */
  private signal(webhook: WebhookRecord, alert: TradingViewAlertDto, signalId: string): TriggerSignalDto {
    const { symbol, side, quantity, percentOfEquity, targetPosition, price, takeProfit, stopLoss } = alert;
    return {
      account: webhook.account,
      signalId,
      symbol,
      side,
      quantity,
      percentOfEquity,
      targetPosition,
      price,
      takeProfit,
      stopLoss,
    };
  }

  private checkTime(alert: TradingViewAlertDto, webhook: WebhookRecord, now: Date, seen: SignalOutcomeInput) {
    if (isWithinReplayWindow(alert.time, now, webhook.replayWindowSeconds)) return;
    const error = new UnprocessableError(
      `The alert's time ${alert.time} is more than ${webhook.replayWindowSeconds} s from the server's ` +
        `${now.toISOString()}: refused as a possible replay (check both clocks)`,
      {
        reason: 'expired',
        time: alert.time,
        serverTime: now.toISOString(),
        replayWindowSeconds: webhook.replayWindowSeconds,
      },
    );
    throw this.refusal(seen, 'expired', error);
  }

  private parse(body: unknown, seen: SignalOutcomeInput): Record<string, unknown> {
    try {
      return parseAlertBody(body);
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      throw this.refusal(seen, 'bad_payload', badPayload(error));
    }
  }

  private async validate(
    payload: Record<string, unknown>,
    seen: SignalOutcomeInput,
  ): Promise<TradingViewAlertDto> {
    try {
      return (await this.validation.transform(payload, {
        type: 'body',
        metatype: TradingViewAlertDto,
      })) as TradingViewAlertDto;
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      throw this.refusal(seen, 'bad_payload', badPayload(error));
    }
  }

  /** What is known of an alert before its secret is checked: the webhook, nothing the caller sent. */
  private unauthenticated(webhook: WebhookRecord | undefined): SignalOutcomeInput {
    return {
      // One label for unknown ids: a name from the request would let any caller mint metric series.
      strategy: webhook?.strategy ?? 'unknown',
      source: 'tradingview',
      signalId: null,
      account: webhook?.account ?? null,
      symbol: null,
    };
  }

  private refusal(seen: SignalOutcomeInput, reason: AlertRefusalReason, error: AppError): AppError {
    this.outcomes.refused(seen, reason, error.message);
    return error;
  }
}

/** A malformed alert as one 400 carrying `reason`, with the validator's field list when it has one. */
function badPayload(error: ValidationFailedError): ValidationFailedError {
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new ValidationFailedError(error.message, { reason: 'bad_payload', ...details });
}
