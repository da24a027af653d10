/** Hands out the `seq` of each (account, channel) stream. */
export abstract class StreamSequencer {
  /** Names this counter's lifetime: a client that sees it change knows every seq started over. */
  abstract epoch(): Promise<string>;
  /** The next number of the stream: one more than the last. */
  abstract next(stream: string): Promise<number>;
  /** The last number handed out (0 before the first). */
  abstract current(stream: string): Promise<number>;
}

/** The shared sequencer of cluster-wide channels (`orders`): Redis when configured, else this process. */
export const CLUSTER_SEQUENCER = Symbol('CLUSTER_SEQUENCER');
