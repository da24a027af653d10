import { Controller, Get, Headers, HttpStatus, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { acceptsCsv } from './accepts-csv.js';
import { ApiTradeLogResponse } from './api-trade-log-response.decorator.js';
import type { FillPageView } from './dto/fill.view.js';
import { TradeListQuery } from './dto/trade-list.query.js';
import { TradeLogService, type TradeLogQuery } from './trade-log.service.js';

const CSV_HEADERS = { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="trades.csv"' };

@ApiTags('trades')
@Controller('trades')
export class TradesController {
  constructor(private readonly trades: TradeLogService) {}

  @Get()
  @RequireScope('read')
  @ApiOperation({
    summary: 'The trade log (fills), newest first, filtered; paged with a cursor, or exported as CSV',
  })
  @ApiTradeLogResponse()
  @ApiErrorResponses(HttpStatus.BAD_REQUEST)
  async list(
    @Query() query: TradeListQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<FillPageView | StreamableFile> {
    const { format, limit, ...rest } = query;
    const filter: TradeLogQuery = {
      ...rest,
      from: rest.from === undefined ? undefined : new Date(rest.from),
      to: rest.to === undefined ? undefined : new Date(rest.to),
    };
    if (!acceptsCsv(format, accept)) return this.trades.page(filter, limit);
    return new StreamableFile(await this.trades.exportCsv(filter), CSV_HEADERS);
  }
}
