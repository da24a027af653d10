import { Injectable } from '@nestjs/common';
import { Mt5Adapter } from '#brokers';
import { UnprocessableError, ValidationFailedError } from '../common/errors/app-error.js';
import { AccountRegistry } from './account-registry.js';
import type { RunExpertDto, StopExpertDto } from './dto/run-expert.dto.js';
import type { RunningExpertView, StoppedExpertView } from './dto/running-expert.view.js';

const INPUT_NAME = /^[A-Za-z_]\w{0,62}$/;

/** MT5's run_ea and stop_ea, on accounts that are MT5's: the one venue-specific extra the API offers. */
@Injectable()
export class Mt5ExpertsService {
  constructor(private readonly registry: AccountRegistry) {}

  async run(dto: RunExpertDto): Promise<RunningExpertView> {
    const { name, adapter } = this.mt5(dto.account);
    const running = await adapter.runEa({
      symbol: dto.symbol,
      timeframe: dto.timeframe,
      expert: dto.expert,
      inputs: checkInputs(dto.inputs ?? {}),
    });
    return { account: name, ...running };
  }

  async stop(dto: StopExpertDto): Promise<StoppedExpertView> {
    const { name, adapter } = this.mt5(dto.account);
    await adapter.stopEa(dto.chartId);
    return { account: name, chartId: dto.chartId };
  }

  private mt5(account?: string): { name: string; adapter: Mt5Adapter } {
    const { config, adapter } = this.registry.resolveAccount(account);
    if (!(adapter instanceof Mt5Adapter))
      throw new UnprocessableError(
        `account "${config.name}" is a ${config.broker} account; experts run only on MT5 accounts`,
      );
    return { name: config.name, adapter };
  }
}

function checkInputs(inputs: Record<string, unknown>): Record<string, string | number | boolean> {
  const checked: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(inputs)) {
    if (!INPUT_NAME.test(name))
      throw new ValidationFailedError(`inputs.${name.slice(0, 64)}: an input name is an MQL5 identifier`);
    if (typeof value === 'number' ? !Number.isFinite(value) : !['string', 'boolean'].includes(typeof value))
      throw new ValidationFailedError(`inputs.${name}: an input is a string, a finite number or a boolean`);
    checked[name] = value as string | number | boolean;
  }
  return checked;
}
