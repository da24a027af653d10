import { randomUUID } from 'node:crypto';
import { StreamSequencer } from './stream-sequencer.js';

/** Counters in this process: state channels, which each API process serves from its own broker view. */
export class LocalStreamSequencer extends StreamSequencer {
  private readonly id = randomUUID();
  private readonly counters = new Map<string, number>();

  epoch(): Promise<string> {
    return Promise.resolve(this.id);
  }

  next(stream: string): Promise<number> {
    return Promise.resolve(this.nextSync(stream));
  }

  current(stream: string): Promise<number> {
    return Promise.resolve(this.currentSync(stream));
  }

  /** Synchronous forms: a snapshot and its seq must be taken in one turn of the event loop. */
  nextSync(stream: string): number {
    const value = (this.counters.get(stream) ?? 0) + 1;
    this.counters.set(stream, value);
    return value;
  }

  currentSync(stream: string): number {
    return this.counters.get(stream) ?? 0;
  }

  epochSync(): string {
    return this.id;
  }
}
