import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { RunExpertDto, StopExpertDto } from './dto/run-expert.dto.js';
import { RunningExpertView, StoppedExpertView } from './dto/running-expert.view.js';
import { Mt5ExpertsService } from './mt5-experts.service.js';

/**
 * Expert Advisors started in the user's MT5 terminal. Admin only: a launched expert trades on its own,
 * outside Edgerunner's risk checks, with at most the bridge's own trading permission.
 */
@ApiTags('mt5')
@RequireScope('admin')
@ApiErrorResponses(
  HttpStatus.BAD_REQUEST,
  HttpStatus.NOT_FOUND,
  HttpStatus.UNPROCESSABLE_ENTITY,
  HttpStatus.SERVICE_UNAVAILABLE,
)
@Controller('mt5')
export class Mt5ExpertsController {
  constructor(private readonly experts: Mt5ExpertsService) {}

  @Post('run-ea')
  @ApiOperation({ summary: 'Run an Expert Advisor on a new chart of an MT5 account (MT5 run_ea)' })
  @ApiEnvelopeResponse(RunningExpertView, { status: HttpStatus.CREATED })
  run(@Body() body: RunExpertDto): Promise<RunningExpertView> {
    return this.experts.run(body);
  }

  @Post('stop-ea')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Stop an Expert Advisor run-ea started, closing its chart' })
  @ApiEnvelopeResponse(StoppedExpertView)
  stop(@Body() body: StopExpertDto): Promise<StoppedExpertView> {
    return this.experts.stop(body);
  }
}
