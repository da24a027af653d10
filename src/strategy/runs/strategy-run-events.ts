import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { StrategyRunRecord } from './strategy-run-record.js';

/** Every stored change of a run's state in this process, for the /ws/broker `strategies` channel. */
@Injectable()
export class StrategyRunEvents {
  private readonly subject = new Subject<StrategyRunRecord>();
  readonly changes = this.subject.asObservable();

  emit(run: StrategyRunRecord): void {
    this.subject.next(run);
  }
}
