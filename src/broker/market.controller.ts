import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { BrokerService } from './broker.service.js';
import { AccountQuery } from '../common/dto/account.query.js';
import { CandlesQuery } from './dto/candles.query.js';
import { CandleView, InstrumentView, TickerView } from './dto/market.view.js';
import { TickerQuery } from './dto/ticker.query.js';

@ApiTags('market data')
@RequireScope('read')
@ApiErrorResponses(
  HttpStatus.BAD_REQUEST,
  HttpStatus.NOT_FOUND,
  HttpStatus.UNPROCESSABLE_ENTITY,
  HttpStatus.SERVICE_UNAVAILABLE,
)
@Controller('market')
export class MarketController {
  constructor(private readonly broker: BrokerService) {}

  @Get('ticker')
  @ApiOperation({ summary: 'Best bid, best ask and last price of a symbol' })
  @ApiEnvelopeResponse(TickerView)
  ticker(@Query() query: TickerQuery): Promise<TickerView> {
    return this.broker.getTicker(query.symbol, query.account);
  }

  @Get('candles')
  @ApiOperation({ summary: 'OHLCV bars, oldest first' })
  @ApiEnvelopeResponse(CandleView, { isArray: true })
  candles(@Query() query: CandlesQuery): Promise<CandleView[]> {
    return this.broker.getCandles(query);
  }

  @Get('instruments')
  @ApiOperation({ summary: 'Tradable instruments and their tick size, lot size and minimum quantity' })
  @ApiEnvelopeResponse(InstrumentView, { isArray: true })
  instruments(@Query() query: AccountQuery): Promise<InstrumentView[]> {
    return this.broker.listInstruments(query.account);
  }
}
