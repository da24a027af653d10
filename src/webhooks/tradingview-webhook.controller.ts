import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { OrderView } from '../orders/dto/order.view.js';
import { TradingViewAlertDto } from './dto/tradingview-alert.dto.js';
import { TradingViewAlertService } from './tradingview-alert.service.js';
import { WebhookThrottlerGuard } from './webhook-throttler.guard.js';

@ApiTags('webhooks')
@Controller('webhooks/tradingview')
export class TradingViewWebhookController {
  constructor(private readonly alerts: TradingViewAlertService) {}

  /** The body stays unknown here: it may be a JSON text (text/plain), parsed and validated by the service. */
  @Post(':id')
  @Public()
  @UseGuards(WebhookThrottlerGuard)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Receive a TradingView alert: the signal it carries, placed as POST /strategies/:name/trigger places one',
    description:
      'No API key (TradingView cannot send headers): the webhook secret is in the body. JSON sent as ' +
      'application/json or text/plain. Refused: an unknown or revoked webhook (404), a wrong secret (401), a ' +
      'malformed body (400), a time outside the replay window (422), a symbol the webhook does not list (403), ' +
      'an alert id already received (409, with the first order id); risk and kill-switch refusals as /trade gives them.',
  })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({ type: TradingViewAlertDto })
  @ApiEnvelopeResponse(OrderView, { status: HttpStatus.CREATED })
  @ApiErrorResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.UNAUTHORIZED,
    HttpStatus.FORBIDDEN,
    HttpStatus.NOT_FOUND,
    HttpStatus.CONFLICT,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.BAD_GATEWAY,
    HttpStatus.SERVICE_UNAVAILABLE,
  )
  @ApiTooManyRequestsResponse({
    description: 'More alerts than the `throttle.trade` budget, counted per webhook',
  })
  @ResponseMessage('Alert accepted')
  receive(@Param('id') id: string, @Body() body: unknown): Promise<OrderView> {
    return this.alerts.receive(id, body);
  }
}
