import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { StrategyBenchmarkService } from './benchmark/strategy-benchmark.service.js';
import { StrategyCatalog } from './catalog/strategy-catalog.js';
import { toStrategyView } from './catalog/strategy-view.mapper.js';
import { BenchmarkQuery } from './dto/benchmark.query.js';
import { BenchmarkView } from './dto/benchmark.view.js';
import { ParameterSpecView, StrategyView } from './dto/strategy.view.js';

@ApiTags('strategies')
@ApiExtraModels(ParameterSpecView)
@Controller('strategies')
export class StrategiesController {
  constructor(
    private readonly catalog: StrategyCatalog,
    private readonly benchmark: StrategyBenchmarkService,
  ) {}

  @Get()
  @RequireScope('read')
  @ApiOperation({ summary: 'The strategies a backtest can run, each with its parameter schema and warm-up' })
  @ApiEnvelopeResponse(StrategyView, { isArray: true })
  list(): StrategyView[] {
    return this.catalog.list().map(toStrategyView);
  }

  @Get('benchmark')
  @RequireScope('read')
  @ApiOperation({
    summary:
      'Strategies ranked by their stored backtests: each by its best run on the statistic, with its parameters and run',
  })
  @ApiEnvelopeResponse(BenchmarkView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST)
  rank(@Query() query: BenchmarkQuery): Promise<BenchmarkView> {
    return this.benchmark.rank(query);
  }

  @Get(':name')
  @RequireScope('read')
  @ApiOperation({ summary: 'One strategy with its parameter schema' })
  @ApiEnvelopeResponse(StrategyView)
  @ApiErrorResponses(HttpStatus.NOT_FOUND)
  get(@Param('name') name: string): StrategyView {
    return toStrategyView(this.catalog.get(name));
  }
}
