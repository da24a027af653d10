import { Body, Controller, Delete, Get, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { CreateWebhookDto } from './dto/create-webhook.dto.js';
import { CreatedWebhookView, WebhookView } from './dto/webhook.view.js';
import { WebhookService } from './webhook.service.js';

@ApiTags('webhooks')
@RequireScope('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a TradingView webhook; its secret and message template are shown only this once',
    description:
      'Alerts posted to its path fire signals at the strategy on the account, for the listed symbols only. ' +
      "Paste messageTemplate into the TradingView alert's message and the server's URL + path into its webhook URL.",
  })
  @ApiEnvelopeResponse(CreatedWebhookView, { status: HttpStatus.CREATED })
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  @ResponseMessage('Webhook created; store the secret now, it is not shown again')
  async create(@Body() body: CreateWebhookDto): Promise<CreatedWebhookView> {
    const { record, secret, messageTemplate } = await this.webhooks.create(body);
    return Object.assign(WebhookView.from(record), { secret, messageTemplate });
  }

  @Get()
  @ApiOperation({ summary: 'List webhooks (never the secrets: their last 4 characters only)' })
  @ApiEnvelopeResponse(WebhookView, { isArray: true })
  async list(): Promise<WebhookView[]> {
    return (await this.webhooks.list()).map((record) => WebhookView.from(record));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook (never its secret)' })
  @ApiEnvelopeResponse(WebhookView)
  @ApiErrorResponses(HttpStatus.NOT_FOUND)
  async get(@Param('id') id: string): Promise<WebhookView> {
    return WebhookView.from(await this.webhooks.get(id));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a webhook; every alert posted to it afterwards is refused (404)' })
  @ApiEnvelopeResponse(WebhookView)
  @ApiErrorResponses(HttpStatus.NOT_FOUND)
  @ResponseMessage('Webhook revoked')
  async revoke(@Param('id') id: string): Promise<WebhookView> {
    return WebhookView.from(await this.webhooks.revoke(id));
  }
}
