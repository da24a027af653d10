import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { OrderView } from '../orders/dto/order.view.js';
import { TradeThrottlerGuard } from '../orders/trade-throttler.guard.js';
import { TriggerSignalDto } from './dto/trigger-signal.dto.js';
import { MalformedSignalInterceptor } from './signals/malformed-signal.interceptor.js';
import { SignalService } from './signals/signal.service.js';

@ApiTags('strategies')
@Controller('strategies')
export class StrategyTriggersController {
  constructor(private readonly signals: SignalService) {}

  @Post(':name/trigger')
  @HttpCode(HttpStatus.CREATED)
  @RequireScope('trade')
  @UseGuards(TradeThrottlerGuard)
  @UseInterceptors(MalformedSignalInterceptor)
  @ApiOperation({
    summary: 'Fire a signal of a strategy: the order it describes, placed as POST /trade places one',
    description:
      'A side with a quantity or a percent of equity, or a target position (the order is the difference); a ' +
      'limit price makes it a limit order, take-profit and stop-loss a bracket. The same signalId returns the ' +
      'first order; with another body it is a 409. The order carries the strategy name (GET /trades?strategy=).',
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
  @ApiTooManyRequestsResponse({ description: 'Counts against the per-key /trade rate limit' })
  @ResponseMessage('Signal accepted')
  trigger(@Param('name') name: string, @Body() signal: TriggerSignalDto): Promise<OrderView> {
    return this.signals.trigger(name, signal);
  }
}
