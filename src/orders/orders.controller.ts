import { Controller, Delete, Get, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { OrderListQuery } from './dto/order-list.query.js';
import { OrderStatusQuery } from './dto/order-status.query.js';
import { OrderDetailView, OrderEventView, OrderPageView, OrderView } from './dto/order.view.js';
import { decodeOrderCursor, orderCursor } from './order-cursor.js';
import { OrderService } from './order.service.js';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrderService) {}

  @Get()
  @RequireScope('read')
  @ApiOperation({ summary: 'Orders, newest first, filtered and paged with a cursor' })
  @ApiEnvelopeResponse(OrderPageView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST)
  async list(@Query() query: OrderListQuery): Promise<OrderPageView> {
    const after = query.cursor ? decodeOrderCursor(query.cursor) : undefined;
    const items = await this.orders.list({
      account: query.account,
      status: query.status,
      symbol: query.symbol,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      after,
      limit: query.limit,
    });
    const last = items.length === query.limit ? items.at(-1) : undefined;
    return { items, nextCursor: last ? orderCursor(last) : null };
  }

  @Get('status')
  @RequireScope('read')
  @ApiOperation({ summary: 'Recent order state changes, newest first' })
  @ApiEnvelopeResponse(OrderEventView, { isArray: true })
  status(@Query() query: OrderStatusQuery): Promise<OrderEventView[]> {
    return this.orders.recentEvents(query);
  }

  @Get(':id')
  @RequireScope('read')
  @ApiOperation({ summary: 'One order by its Edgerunner id, with its audit trail' })
  @ApiEnvelopeResponse(OrderDetailView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderDetailView> {
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
