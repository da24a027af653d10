import { Body, Controller, Delete, Get, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { ApiKeyService } from './api-key.service.js';
import { RequireScope } from './auth.decorators.js';
import { ApiKeyView, CreatedApiKeyView } from './dto/api-key.view.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';

@ApiTags('api keys')
@RequireScope('admin')
@Controller('keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the key is in the response and shown only this once' })
  @ApiEnvelopeResponse(CreatedApiKeyView, { status: HttpStatus.CREATED })
  @ApiErrorResponses(HttpStatus.BAD_REQUEST)
  @ResponseMessage('API key created; store it now, it is not shown again')
  async create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    const { record, key } = await this.keys.create(body.name, body.scopes);
    return Object.assign(ApiKeyView.from(record), { key });
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never the secrets)' })
  @ApiEnvelopeResponse(ApiKeyView, { isArray: true })
  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.list()).map((record) => ApiKeyView.from(record));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiEnvelopeResponse(ApiKeyView)
  @ApiErrorResponses(HttpStatus.NOT_FOUND)
  @ResponseMessage('API key revoked')
  async revoke(@Param('id') id: string): Promise<ApiKeyView> {
    return ApiKeyView.from(await this.keys.revoke(id));
  }
}
