import type { BrokerEvent, ConnectionStatus } from '../domain/index.js';
import { BrokerConnectionError } from '../errors/index.js';
import { JournalWriteError, type PaperUnitOfWork } from './journal/paper-unit-of-work.js';
import type { PaperLogger } from './paper-logger.js';

/**
 * A paper account's connection: its status, the tick timer while connected, and the rule that a journal
 * which cannot be written ends trading on the account (status down, connect refused), since its memory
 * would otherwise drift from its record.
 */
export class PaperConnection {
  private state: ConnectionStatus = 'down';
  private timer: NodeJS.Timeout | null = null;
  /** Set once the journal could not be written: the account then refuses to trade until restarted. */
  private journalFailure: string | null = null;

  constructor(
    private readonly account: string,
    private readonly unit: PaperUnitOfWork,
    private readonly logger: PaperLogger,
    private readonly announce: (event: BrokerEvent) => void,
  ) {
    unit.onGroupFailure((error) => void this.fail(error));
  }

  get status(): ConnectionStatus {
    return this.state;
  }

  /** Connects, ticking every `tickIntervalMs` (no timer when it is 0). */
  open(tickIntervalMs: number, tick: () => void): void {
    if (this.state === 'connected') return;
    if (this.journalFailure !== null) {
      throw new BrokerConnectionError(`paper account ${this.account}: ${this.journalFailure}`, {
        broker: 'paper',
      });
    }
    if (tickIntervalMs > 0) {
      this.timer = setInterval(() => this.tickOnTimer(tick), tickIntervalMs);
      // The simulator must never keep a process (or a test run) alive on its own.
      this.timer.unref();
    }
    this.set('connected');
  }

  close(): void {
    this.stopTimer();
    if (this.state !== 'down') this.set('down', 'disconnected by the client');
  }

  /** Throws BrokerConnectionError unless connected. */
  require(): void {
    if (this.state !== 'connected') {
      throw new BrokerConnectionError(`paper account ${this.account} is not connected`, { broker: 'paper' });
    }
  }

  /** Runs a broker operation as one journaled commit; a failed journal write takes the account down. */
  transact<T>(operation: () => T): T {
    try {
      return this.unit.run(operation);
    } catch (error) {
      if (!(error instanceof JournalWriteError)) throw error;
      throw this.fail(error);
    }
  }

  /**
   * Runs an operation someone waits on (a placement, a cancel) and answers once it is journaled with the
   * others of its turn: one append for all of them, and no answer before its commit is written.
   */
  async transactDurably<T>(operation: () => T): Promise<T> {
    const result = this.unit.run(operation, { deferred: true });
    try {
      await this.unit.written();
    } catch (error) {
      if (!(error instanceof JournalWriteError)) throw error;
      throw this.fail(error);
    }
    return result;
  }

  /** The journal could not be written: the account stops (once), and callers get a connection error. */
  fail(error: JournalWriteError): BrokerConnectionError {
    if (this.journalFailure === null) {
      this.journalFailure = error.message;
      this.logger('error', `${error.message}; paper account ${this.account} stops until restarted`);
      this.stopTimer();
      this.set('down', error.message);
    }
    return new BrokerConnectionError(`paper account ${this.account}: ${error.message}`, {
      broker: 'paper',
    });
  }

  private tickOnTimer(tick: () => void): void {
    try {
      tick();
    } catch (error) {
      // A journal failure has already stopped the timer and been logged; anything else is a bug.
      if (!(error instanceof BrokerConnectionError)) throw error;
    }
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private set(status: ConnectionStatus, reason?: string): void {
    this.state = status;
    this.announce({ type: 'connection', account: this.account, status, ...(reason ? { reason } : {}) });
  }
}
