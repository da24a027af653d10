import { Controller, Delete, Get, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { OrderStatusQuery } from './dto/order-status.query.js';
import { OrderStatusUpdateView, OrderView } from './dto/order.view.js';
import { OrderService } from './order.service.js';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrderService) {}

  @Get('status')
  @RequireScope('read')
  @ApiOperation({ summary: 'Recent order status updates, newest first' })
  @ApiEnvelopeResponse(OrderStatusUpdateView, { isArray: true })
  status(@Query() query: OrderStatusQuery): Promise<OrderStatusUpdateView[]> {
    return this.orders.recentStatusUpdates(query);
  }

  @Get(':id')
  @RequireScope('read')
  @ApiOperation({ summary: 'One order by its Edgerunner id' })
  @ApiEnvelopeResponse(OrderView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderView> {
    return this.orders.get(id);
  }

  @Delete(':id')
  @RequireScope('trade')
  @ApiOperation({ summary: 'Cancel an open order' })
  @ApiEnvelopeResponse(OrderView)
  @ApiErrorResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.NOT_FOUND,
    HttpStatus.CONFLICT,
    HttpStatus.SERVICE_UNAVAILABLE,
  )
  @ResponseMessage('Order cancelled')
  cancel(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderView> {
    return this.orders.cancel(id);
  }
}
