import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { BrokerService } from './broker.service.js';
import { AccountSummaryView } from './dto/account-summary.view.js';
import { AccountQuery } from '../common/dto/account.query.js';
import { PositionView } from './dto/position.view.js';

@ApiTags('portfolio')
@RequireScope('read')
@ApiErrorResponses(HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE)
@Controller()
export class PortfolioController {
  constructor(private readonly broker: BrokerService) {}

  @Get('account/summary')
  @ApiOperation({ summary: 'Balance, equity, margin used and free, realized and unrealized PnL' })
  @ApiEnvelopeResponse(AccountSummaryView)
  summary(@Query() query: AccountQuery): Promise<AccountSummaryView> {
    return this.broker.getAccountSummary(query.account);
  }

  @Get('positions')
  @ApiOperation({ summary: 'Open positions with mark price and PnL' })
  @ApiEnvelopeResponse(PositionView, { isArray: true })
  positions(@Query() query: AccountQuery): Promise<PositionView[]> {
    return this.broker.getPositions(query.account);
  }
}
