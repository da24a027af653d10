import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { StartRunDto } from './dto/start-run.dto.js';
import { StopRunDto } from './dto/stop-run.dto.js';
import { StrategyRunDetailView, StrategyRunView } from './dto/strategy-run.view.js';
import { StrategyRunService } from './runs/strategy-run.service.js';

@ApiTags('strategies')
@Controller('strategies')
export class StrategyRunsController {
  constructor(private readonly runs: StrategyRunService) {}

  @Post(':name/runs')
  @HttpCode(HttpStatus.CREATED)
  @RequireScope('trade')
  @ApiOperation({
    summary: 'Run a strategy live on an account',
    description:
      "Bars of the timeframe are built from the account's prices (after a warm-up from its history) and " +
      'drive the strategy through the same context a backtest gives; its orders go through the order ' +
      'service like POST /trade, carrying the strategy name. The run survives a restart and pauses while ' +
      'its account is away.',
  })
  @ApiEnvelopeResponse(StrategyRunView, { status: HttpStatus.CREATED })
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE)
  @ResponseMessage('Run started')
  start(@Param('name') name: string, @Body() body: StartRunDto): Promise<StrategyRunView> {
    return this.runs.start(name, body);
  }

  @Get('runs')
  @RequireScope('read')
  @ApiOperation({ summary: 'Live runs, newest first (the last 100)' })
  @ApiEnvelopeResponse(StrategyRunView, { isArray: true })
  list(): Promise<StrategyRunView[]> {
    return this.runs.list();
  }

  @Get('runs/:id')
  @RequireScope('read')
  @ApiOperation({ summary: "A run's state, its orders and fills, and its PnL" })
  @ApiEnvelopeResponse(StrategyRunDetailView)
  @ApiErrorResponses(HttpStatus.NOT_FOUND)
  get(@Param('id') id: string): Promise<StrategyRunDetailView> {
    return this.runs.get(id);
  }

  @Post('runs/:id/stop')
  @HttpCode(HttpStatus.OK)
  @RequireScope('trade')
  @ApiOperation({
    summary: 'Stop a run, optionally cancelling its open orders and closing its position',
    description: 'A run already stopped or failed is a 409.',
  })
  @ApiEnvelopeResponse(StrategyRunView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ResponseMessage('Run stopped')
  stop(@Param('id') id: string, @Body() body: StopRunDto): Promise<StrategyRunView> {
    return this.runs.stop(id, body ?? {});
  }
}
