import { UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { ApiKeyService } from '../../auth/api-key.service.js';
import { errorEnvelope, successEnvelope, type ApiEnvelope } from '../../common/http/api-envelope.js';
import { createRequestValidationPipe } from '../../common/validation/request-validation.pipe.js';
import { SubscriptionDto } from './dto/subscription.dto.js';
import type { SubscriptionView } from './dto/subscription.view.js';
import { streamAuthMiddleware } from './stream-auth.middleware.js';
import { STREAM_NAMESPACE } from './stream-namespace.js';
import { StreamSubscriptions } from './stream-subscriptions.js';
import { StreamThrottlerGuard } from './stream-throttler.guard.js';
import { WsEnvelopeFilter } from './ws-envelope.filter.js';

/**
 * `/ws/broker`: live PnL, positions, orders, account and prices. Clients connect with a `read` key,
 * `subscribe` (a snapshot of each stream first, then deltas), `unsubscribe`, and `resync` after a gap.
 * Every message is acknowledged with the envelope.
 */
@WebSocketGateway({ namespace: STREAM_NAMESPACE })
@UseFilters(WsEnvelopeFilter)
@UseGuards(StreamThrottlerGuard)
@UsePipes(createRequestValidationPipe())
export class BrokerStreamGateway implements OnGatewayInit<Namespace> {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly subscriptions: StreamSubscriptions,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(streamAuthMiddleware(this.keys));
    this.subscriptions.attach(namespace);
    // A revoked key loses its live connections at once, not at its next reconnect.
    this.keys.revocations.subscribe((keyId) => {
      for (const socket of namespace.sockets.values()) {
        if ((socket.data as { apiKey?: { id: string } }).apiKey?.id !== keyId) continue;
        socket.emit('exception', errorEnvelope('This API key was revoked', { statusCode: 401 }));
        socket.disconnect(true);
      }
    });
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() socket: Socket,
    @MessageBody() request: SubscriptionDto = new SubscriptionDto(),
  ): Promise<ApiEnvelope<SubscriptionView>> {
    return successEnvelope(await this.subscriptions.subscribe(socket, request), 'Subscribed');
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: Socket,
    @MessageBody() request: SubscriptionDto = new SubscriptionDto(),
  ): Promise<ApiEnvelope<SubscriptionView>> {
    return successEnvelope(await this.subscriptions.unsubscribe(socket, request), 'Unsubscribed');
  }

  @SubscribeMessage('resync')
  async resync(
    @ConnectedSocket() socket: Socket,
    @MessageBody() request: SubscriptionDto = new SubscriptionDto(),
  ): Promise<ApiEnvelope<SubscriptionView>> {
    return successEnvelope(await this.subscriptions.resync(socket, request), 'Resynced');
  }
}
