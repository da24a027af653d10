import { Body, Controller, Delete, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { AccountView } from '../broker/dto/account.view.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { AccountAdminService } from './account-admin.service.js';
import { ACCOUNT_DEFINITION_SCHEMA, ACCOUNT_PATCH_SCHEMA } from './dto/account-definition.schema.js';

/** Broker accounts managed at run time, beside the config file's; their secrets stored encrypted. */
@ApiTags('accounts')
@Controller('accounts')
@RequireScope('admin')
export class AccountsAdminController {
  constructor(private readonly accounts: AccountAdminService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a broker account, written as in the config file; it connects when autoConnect is on',
    description:
      'Secrets are given inline (not as environment variable names), stored encrypted with AES-256-GCM ' +
      'under the master key, and never returned: responses show `****` and their last four characters.',
  })
  @ApiBody({ schema: ACCOUNT_DEFINITION_SCHEMA })
  @ApiEnvelopeResponse(AccountView, { status: HttpStatus.CREATED })
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_ENTITY)
  @ResponseMessage('Account added')
  create(@Body() body: Record<string, unknown>): Promise<AccountView> {
    return this.accounts.create(body);
  }

  @Patch(':name')
  @ApiOperation({
    summary: 'Change an account added over the API (its credentials, options, risk limits); it reconnects',
  })
  @ApiBody({ schema: ACCOUNT_PATCH_SCHEMA })
  @ApiEnvelopeResponse(AccountView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ResponseMessage('Account changed')
  update(@Param('name') name: string, @Body() body: Record<string, unknown>): Promise<AccountView> {
    return this.accounts.update(name, body);
  }

  @Delete(':name')
  @ApiOperation({
    summary: 'Disconnect and remove an account added over the API, once no order of it is open',
  })
  @ApiEnvelopeResponse(AccountView)
  @ApiErrorResponses(HttpStatus.NOT_FOUND, HttpStatus.CONFLICT)
  @ResponseMessage('Account removed')
  remove(@Param('name') name: string): Promise<AccountView> {
    return this.accounts.remove(name);
  }
}
