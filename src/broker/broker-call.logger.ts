import { Injectable, Logger } from '@nestjs/common';
import type { BrokerCallObserver, BrokerCallRecord } from '../../libs/brokers/src/index.js';

/** Logs every broker call with its broker, method, outcome and latency; errors at warn level. */
@Injectable()
export class BrokerCallLogger implements BrokerCallObserver {
  private readonly logger = new Logger('BrokerCall');

  record(call: BrokerCallRecord): void {
    const line = {
      msg: 'broker call',
      broker: call.broker,
      account: call.account,
      method: call.method,
      outcome: call.outcome,
      errorCode: call.errorCode,
      latencyMs: Math.round(call.latencyMs * 1000) / 1000,
    };
    if (call.outcome === 'error') this.logger.warn(line);
    else this.logger.debug(line);
  }
}
