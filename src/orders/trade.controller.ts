import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { OrderView } from './dto/order.view.js';
import { PlaceOrderDto } from './dto/place-order.dto.js';
import { OrderService } from './order.service.js';
import { TradeThrottlerGuard } from './trade-throttler.guard.js';

@ApiTags('orders')
@Controller()
export class TradeController {
  constructor(private readonly orders: OrderService) {}

  @Post('trade')
  @HttpCode(HttpStatus.CREATED)
  @RequireScope('trade')
  @UseGuards(TradeThrottlerGuard)
  @ApiOperation({
    summary: 'Submit a market, limit, stop, stop-limit or bracket order',
    description:
      'Quantity is rounded down to the lot size and prices to the tick size. The same clientOrderId with the same ' +
      'body returns the first result; with a different body it is a 409.',
  })
  @ApiEnvelopeResponse(OrderView, { status: HttpStatus.CREATED })
  @ApiErrorResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.NOT_FOUND,
    HttpStatus.CONFLICT,
    HttpStatus.UNPROCESSABLE_ENTITY,
    HttpStatus.BAD_GATEWAY,
    HttpStatus.SERVICE_UNAVAILABLE,
  )
  @ApiTooManyRequestsResponse({ description: 'Per-key /trade rate limit; see Retry-After' })
  @ResponseMessage('Order accepted')
  place(@Body() body: PlaceOrderDto): Promise<OrderView> {
    return this.orders.place(body);
  }
}
