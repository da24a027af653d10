import { Injectable, Logger } from '@nestjs/common';
import { Subject } from 'rxjs';

/** Where a signal came from: POST /strategies/:name/trigger, a TradingView webhook, or a live run. */
export type SignalSource = 'trigger' | 'tradingview' | 'run';

/** What became of one signal: the order it placed, or why it was refused (and so never traded). */
export interface SignalOutcome {
  readonly strategy: string;
  readonly source: SignalSource;
  readonly signalId: string | null;
  readonly account: string | null;
  readonly symbol: string | null;
  readonly outcome: 'accepted' | 'refused';
  /** A short machine-readable reason for a refusal (`kill_switch`, `bad_secret`, `replayed`, ...). */
  readonly reason: string | null;
  readonly message: string | null;
  readonly orderId: string | null;
  readonly at: string;
}

export type SignalOutcomeInput = Omit<SignalOutcome, 'outcome' | 'at' | 'reason' | 'message' | 'orderId'>;

/**
 * Every signal's outcome in this process, whatever its source: logged once here, counted by /metrics,
 * and streamed on the /ws/broker `strategies` channel.
 */
@Injectable()
export class SignalOutcomes {
  private readonly logger = new Logger('Signals');
  private readonly subject = new Subject<SignalOutcome>();
  /** Errors already recorded as a refusal, so a layer that sees them again does not count them twice. */
  private readonly recorded = new WeakSet<object>();
  readonly outcomes = this.subject.asObservable();

  accepted(signal: SignalOutcomeInput, orderId: string): void {
    this.logger.log(
      `${signal.source} signal ${signal.signalId ?? '-'} of ${signal.strategy} became order ${orderId}`,
    );
    this.emit({ ...signal, outcome: 'accepted', reason: null, message: null, orderId });
  }

  /** `cause`, the error the refusal came as, is remembered: {@link wasRecorded} answers true for it. */
  refused(signal: SignalOutcomeInput, reason: string, message: string, cause?: unknown): void {
    if (typeof cause === 'object' && cause !== null) this.recorded.add(cause);
    this.logger.warn(
      `${signal.source} signal ${signal.signalId ?? '-'} of ${signal.strategy} refused (${reason}): ${message}`,
    );
    this.emit({ ...signal, outcome: 'refused', reason, message, orderId: null });
  }

  wasRecorded(error: unknown): boolean {
    return typeof error === 'object' && error !== null && this.recorded.has(error);
  }

  private emit(outcome: Omit<SignalOutcome, 'at'>): void {
    this.subject.next({ ...outcome, at: new Date().toISOString() });
  }
}
