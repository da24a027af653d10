import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScope } from '../auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { backtestCursor, decodeBacktestCursor } from './backtest/backtest-cursor.js';
import { BacktestDetailReader } from './backtest/backtest-detail.reader.js';
import { BacktestReportService } from './backtest/backtest-report.service.js';
import { toSummaryView } from './backtest/backtest-view.mapper.js';
import { BacktestService } from './backtest/backtest.service.js';
import { BacktestDetailQuery } from './dto/backtest-detail.query.js';
import { BacktestListQuery } from './dto/backtest-list.query.js';
import { BacktestDetailView, BacktestPageView, BacktestSummaryView } from './dto/backtest.view.js';
import { RunBacktestDto } from './dto/run-backtest.dto.js';
import { reportContentSecurityPolicyHeader } from './report/report-content-security-policy.js';

@ApiTags('backtests')
@Controller()
export class BacktestsController {
  constructor(
    private readonly backtests: BacktestService,
    private readonly details: BacktestDetailReader,
    private readonly reports: BacktestReportService,
  ) {}

  @Post('backtest/run')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope('trade')
  @ApiOperation({
    summary: 'Start a backtest (parameters) or a sweep (grid); answers 202 with the queued job',
    description:
      'Everything is checked before the job is queued: an unknown strategy or account 404, a bad parameter 400 ' +
      'naming it, a range with no bars or too few for the warm-up 422, a grid over the limit 422. Poll ' +
      'GET /backtest/:id or follow the `backtests` channel of /ws/broker.',
  })
  @ApiEnvelopeResponse(BacktestSummaryView, { status: HttpStatus.ACCEPTED })
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.UNPROCESSABLE_ENTITY)
  @ResponseMessage('Backtest queued')
  async run(@Body() body: RunBacktestDto): Promise<BacktestSummaryView> {
    return toSummaryView(await this.backtests.submit(body));
  }

  @Get('backtests')
  @RequireScope('read')
  @ApiOperation({ summary: 'Stored backtest jobs, newest first, paged with a cursor' })
  @ApiEnvelopeResponse(BacktestPageView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST)
  async list(@Query() query: BacktestListQuery): Promise<BacktestPageView> {
    const after = query.cursor === undefined ? undefined : decodeBacktestCursor(query.cursor);
    const records = await this.backtests.list(query.limit, after);
    const last = records.length === query.limit ? records.at(-1) : undefined;
    return { items: records.map(toSummaryView), nextCursor: last ? backtestCursor(last) : null };
  }

  @Get('backtest/:id')
  @RequireScope('read')
  @ApiOperation({
    summary:
      "A backtest job: status and progress; once completed its statistics, equity curve and trades (paged), a sweep's ranking",
  })
  @ApiEnvelopeResponse(BacktestDetailView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: BacktestDetailQuery,
  ): Promise<BacktestDetailView> {
    return this.details.read(await this.backtests.get(id), query);
  }

  @Delete('backtest/:id')
  @RequireScope('trade')
  @ApiOperation({ summary: 'Cancel a queued or running backtest job; it ends cancelled' })
  @ApiEnvelopeResponse(BacktestSummaryView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ResponseMessage('Backtest cancelled')
  async cancel(@Param('id', new ParseUUIDPipe()) id: string): Promise<BacktestSummaryView> {
    return toSummaryView(await this.backtests.cancel(id));
  }

  @Get('backtest/:id/report')
  @RequireScope('read')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      'A completed backtest as one self-contained HTML page: equity, drawdown, candles with trades, statistics',
  })
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  async report(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const page = await this.reports.render(id);
    // The page runs its own inline scripts: the API's script-less policy is replaced by the page's.
    void reply.header('Content-Security-Policy', reportContentSecurityPolicyHeader());
    return page;
  }
}
