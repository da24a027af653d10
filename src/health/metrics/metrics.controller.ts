import { Controller, Get, HttpStatus, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/auth.decorators.js';
import { ApiErrorResponses } from '../../common/swagger/api-envelope-response.decorator.js';
import { MetricsService } from './metrics.service.js';

@ApiTags('health')
@RequireScope('read')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Prometheus metrics: HTTP and broker call latency, order changes, account connections, the runtime',
  })
  @ApiProduces('text/plain')
  @ApiResponse({ status: HttpStatus.OK, description: 'Prometheus text exposition format' })
  @ApiErrorResponses(HttpStatus.UNAUTHORIZED)
  async scrape(): Promise<StreamableFile> {
    // The exposition format, not the envelope: a StreamableFile passes the envelope interceptor untouched.
    return new StreamableFile(Buffer.from(await this.metrics.render()), {
      type: this.metrics.registry.contentType,
    });
  }
}
