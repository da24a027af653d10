import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { BacktestRecord } from './backtest-record.js';

/** A job's state as it moves: queued, each progress step, and how it ended. */
export type BacktestEvent = Pick<
  BacktestRecord,
  | 'id'
  | 'strategy'
  | 'symbol'
  | 'status'
  | 'progress'
  | 'error'
  | 'combinations'
  | 'createdAt'
  | 'startedAt'
  | 'finishedAt'
>;

/** The jobs' changes in this process, for the /ws/broker `backtests` channel. */
@Injectable()
export class BacktestEvents {
  private readonly subject = new Subject<BacktestEvent>();
  readonly changes = this.subject.asObservable();

  emit(record: BacktestRecord | BacktestEvent): void {
    this.subject.next(toEvent(record));
  }
}

export function toEvent(record: BacktestRecord | BacktestEvent): BacktestEvent {
  const { id, strategy, symbol, status, progress, error, combinations, createdAt, startedAt, finishedAt } =
    record;
  return { id, strategy, symbol, status, progress, error, combinations, createdAt, startedAt, finishedAt };
}
