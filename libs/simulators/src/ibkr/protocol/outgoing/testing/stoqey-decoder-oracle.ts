import { Decoder } from '@stoqey/ib/dist/core/io/decoder.js';

/** The code @stoqey/ib reports a message with leftover or missing fields under. */
export const DECODING_ERROR_CODE = 505;

export interface DecodedEvent {
  readonly name: string;
  readonly args: readonly unknown[];
}

export interface ReportedError {
  readonly message: string;
  readonly code: number;
  readonly reqId?: number;
  readonly advancedOrderReject?: unknown;
}

export interface ReportedInfo {
  readonly message: string;
  readonly code: number;
}

/** What the real client made of one message: the events it would emit, and the errors and notices it reported. */
export interface DecoderVerdict {
  readonly events: readonly DecodedEvent[];
  readonly errors: readonly ReportedError[];
  readonly infos: readonly ReportedInfo[];
  /** The 505s: the message did not have exactly the fields the client reads. */
  readonly decodingErrors: readonly ReportedError[];
}

/**
 * Feeds one message's fields to @stoqey/ib's own decoder, as its socket layer does after splitting a frame.
 * The decoder is the authority on field order: it checks the message ends exactly where it stops reading.
 */
export function decodeWithStoqey(fields: readonly string[], serverVersion = 193): DecoderVerdict {
  const events: DecodedEvent[] = [];
  const errors: ReportedError[] = [];
  const infos: ReportedInfo[] = [];
  const decoder = new Decoder({
    serverVersion,
    emitEvent: (name, ...args) => events.push({ name, args }),
    emitError: (message, code, reqId, advancedOrderReject) =>
      errors.push({ message, code, reqId, advancedOrderReject }),
    emitInfo: (message, code) => infos.push({ message, code }),
  });
  decoder.enqueueMessage([...fields]);
  decoder.process();
  return {
    events,
    errors,
    infos,
    decodingErrors: errors.filter((error) => error.code === DECODING_ERROR_CODE),
  };
}

/** The only event a message produced, failing loudly when there were others or none. */
export function singleEvent(verdict: DecoderVerdict, name: string): readonly unknown[] {
  const matching = verdict.events.filter((event) => event.name === name);
  if (matching.length !== 1 || verdict.events.length !== 1)
    throw new Error(
      `expected one ${name} event, got ${verdict.events.map((event) => event.name).join(', ') || 'none'}`,
    );
  return matching[0]!.args;
}
