import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { BrokerService } from './broker.service.js';
import { AccountQuery } from '../common/dto/account.query.js';
import { AccountView } from './dto/account.view.js';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(private readonly broker: BrokerService) {}

  @Get('accounts')
  @RequireScope('read')
  @ApiOperation({ summary: 'Configured broker accounts, their connection state and capabilities' })
  @ApiEnvelopeResponse(AccountView, { isArray: true })
  list(): AccountView[] {
    return this.broker.listAccounts();
  }

  @Post('broker/connect')
  @HttpCode(HttpStatus.OK)
  @RequireScope('admin')
  @ApiOperation({ summary: 'Connect an account to its broker' })
  @ApiEnvelopeResponse(AccountView)
  @ApiErrorResponses(HttpStatus.NOT_FOUND, HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
  connect(@Body() body: AccountQuery): Promise<AccountView> {
    return this.broker.connect(body.account);
  }

  @Post('broker/disconnect')
  @HttpCode(HttpStatus.OK)
  @RequireScope('admin')
  @ApiOperation({ summary: 'Disconnect an account from its broker' })
  @ApiEnvelopeResponse(AccountView)
  @ApiErrorResponses(HttpStatus.NOT_FOUND)
  disconnect(@Body() body: AccountQuery): Promise<AccountView> {
    return this.broker.disconnect(body.account);
  }
}
