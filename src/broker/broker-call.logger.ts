import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Subject, type Observable } from 'rxjs';
import type { BrokerCallObserver, BrokerCallRecord } from '#brokers';

/**
 * Logs every broker call with its broker, method, outcome and latency (errors at warn level), and passes
 * each on to `calls` for whoever counts them (the metrics).
 */
@Injectable()
export class BrokerCallLogger implements BrokerCallObserver {
  private readonly subject = new Subject<BrokerCallRecord>();
  readonly calls: Observable<BrokerCallRecord> = this.subject.asObservable();

  constructor(@InjectPinoLogger('BrokerCall') private readonly logger: PinoLogger) {}

  record(call: BrokerCallRecord): void {
    this.subject.next(call);
    // Every order and read makes a call: its debug line is not even built unless someone reads it.
    if (call.outcome !== 'error' && !this.logger.logger.isLevelEnabled('debug')) return;
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
