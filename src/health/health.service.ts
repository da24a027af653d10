import { Injectable } from '@nestjs/common';
import { AccountRegistry } from '../broker/account-registry.js';
import { UnavailableError } from '../common/errors/app-error.js';
import type { LivenessView, ReadinessView } from './health.view.js';

@Injectable()
export class HealthService {
  constructor(private readonly registry: AccountRegistry) {}

  liveness(): LivenessView {
    return {
      status: 'ok',
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
      time: new Date().toISOString(),
    };
  }

  /** Ready when every account meant to be connected is; otherwise 503 naming the ones that are not. */
  readiness(): ReadinessView {
    const accounts = this.registry.list().map(({ config, adapter }) => ({
      account: config.name,
      status: adapter.status,
      ready: !config.autoConnect || adapter.status === 'connected',
    }));
    const notReady = accounts.filter((account) => !account.ready);
    if (notReady.length > 0) {
      throw new UnavailableError(
        `Not ready: ${notReady.map((account) => `${account.account} is ${account.status}`).join(', ')}`,
        {
          status: 'not_ready',
          accounts,
        },
      );
    }
    return { status: 'ready', accounts };
  }
}
