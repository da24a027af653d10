import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { RequireScope } from '../auth/auth.decorators.js';
import { AccountQuery } from '../common/dto/account.query.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { KillSwitchResultView } from './dto/kill-switch-result.view.js';
import { KillSwitchDto } from './dto/kill-switch.dto.js';
import { RiskStatusView } from './dto/risk-status.view.js';
import { KillSwitchService } from './kill-switch.service.js';
import { RiskStatusService } from './risk-status.service.js';

@ApiTags('risk')
@Controller('risk')
export class RiskController {
  constructor(
    private readonly status: RiskStatusService,
    private readonly killSwitch: KillSwitchService,
  ) {}

  @Get()
  @RequireScope('read')
  @ApiOperation({
    summary: "An account's risk limits and their usage",
    description:
      'Per rule the configured limit (null: not checked) and the current figure: open orders, positions, ' +
      "today's PnL from the UTC day's start equity, whether the daily loss limit tripped, the kill switch.",
  })
  @ApiEnvelopeResponse(RiskStatusView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE)
  get(@Query() query: AccountQuery): Promise<RiskStatusView> {
    return this.status.status(query.account);
  }

  @Post('kill-switch')
  @HttpCode(HttpStatus.OK)
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Turn the kill switch on or off',
    description:
      'On, every new order on the account is refused (422, rule kill_switch), reducing ones included, until ' +
      'it is turned off; the state survives a restart. cancelOpenOrders also cancels every open order at the ' +
      'broker and reports how many were cancelled and which failed.',
  })
  @ApiEnvelopeResponse(KillSwitchResultView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE)
  @ResponseMessage('Kill switch updated')
  async set(
    @Body() body: KillSwitchDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<KillSwitchResultView> {
    const outcome = await this.killSwitch.set({
      account: body.account,
      enabled: body.enabled,
      cancelOpenOrders: body.cancelOpenOrders,
      reason: body.reason,
      by: request.apiKey,
    });
    return {
      account: outcome.account,
      killSwitch: outcome.killSwitch,
      cancellation: outcome.cancellation && {
        ...outcome.cancellation,
        failed: [...outcome.cancellation.failed],
      },
    };
  }
}
