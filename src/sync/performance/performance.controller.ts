import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/auth.decorators.js';
import {
  ApiEnvelopeResponse,
  ApiErrorResponses,
} from '../../common/swagger/api-envelope-response.decorator.js';
import { PerformanceQuery } from './dto/performance.query.js';
import { PerformanceView } from './dto/performance.view.js';
import { PerformanceService } from './performance.service.js';

@ApiTags('performance')
@RequireScope('read')
@ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
@Controller('performance')
export class PerformanceController {
  constructor(private readonly performance: PerformanceService) {}

  @Get()
  @ApiOperation({
    summary:
      'Live performance: equity curve, realized and unrealized PnL, daily PnL, drawdown, return, Sharpe, Sortino',
  })
  @ApiEnvelopeResponse(PerformanceView)
  get(@Query() query: PerformanceQuery): Promise<PerformanceView> {
    return this.performance.performance(query);
  }
}
