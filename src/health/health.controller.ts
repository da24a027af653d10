import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { HealthService } from './health.service.js';
import { LivenessView, ReadinessView } from './health.view.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers (no API key needed)' })
  @ApiEnvelopeResponse(LivenessView)
  liveness(): LivenessView {
    return this.health.liveness();
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every auto-connected account is connected (no API key needed)' })
  @ApiEnvelopeResponse(ReadinessView)
  @ApiErrorResponses(HttpStatus.SERVICE_UNAVAILABLE)
  readiness(): ReadinessView {
    return this.health.readiness();
  }
}
