import {
  BRIDGE_COMMANDS,
  BRIDGE_EVENTS,
  type BridgeCommand,
  type BridgeEventName,
  type BridgeMessage,
  type MarginMode,
} from './bridge-protocol.js';
import { BridgeProtocolError } from './bridge-protocol.error.js';

type Fields = Record<string, unknown>;

const MARGIN_MODES: readonly MarginMode[] = ['hedging', 'netting', 'exchange'];

/** One line on the wire: the message as JSON and its newline (JSON.stringify escapes every control character). */
export function encodeBridgeMessage(message: BridgeMessage): string {
  return `${JSON.stringify(message)}\n`;
}

/**
 * A line from the peer as a typed message, or a BridgeProtocolError naming what is wrong with it. The
 * error never quotes the line: a hello carries the account's token.
 */
export function decodeBridgeMessage(line: string): BridgeMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new BridgeProtocolError(`Not JSON (${line.length} characters)`);
  }
  if (!isObject(parsed)) throw new BridgeProtocolError('Not a JSON object');
  const type = text(parsed, 'type');
  switch (type) {
    case 'hello':
      return {
        type,
        protocol: integer(parsed, 'protocol'),
        token: text(parsed, 'token'),
        build: integer(parsed, 'build'),
        login: text(parsed, 'login'),
        server: text(parsed, 'server'),
        company: text(parsed, 'company'),
        currency: text(parsed, 'currency'),
        marginMode: oneOf(parsed, 'marginMode', MARGIN_MODES),
        tradeAllowed: flag(parsed, 'tradeAllowed'),
        serverOffsetSeconds: integer(parsed, 'serverOffsetSeconds'),
      };
    case 'welcome':
      return { type, protocol: integer(parsed, 'protocol'), server: text(parsed, 'server') };
    case 'refused':
      return { type, reason: text(parsed, 'reason') };
    case 'request':
      return {
        type,
        id: text(parsed, 'id'),
        command: oneOf<BridgeCommand>(parsed, 'command', BRIDGE_COMMANDS),
        params: object(parsed, 'params'),
      };
    case 'response':
      return decodeResponse(parsed);
    case 'event':
      return {
        type,
        event: oneOf<BridgeEventName>(parsed, 'event', BRIDGE_EVENTS),
        data: object(parsed, 'data'),
      };
    case 'ping':
    case 'pong':
      return { type, at: integer(parsed, 'at') };
    default:
      throw new BridgeProtocolError(`Unknown message type "${type}"`);
  }
}

function decodeResponse(fields: Fields): BridgeMessage {
  const id = text(fields, 'id');
  if (flag(fields, 'ok')) {
    if (!('result' in fields)) throw new BridgeProtocolError(`Response ${id} has ok but no result`);
    return { type: 'response', id, ok: true, result: fields.result };
  }
  const error = object(fields, 'error');
  return {
    type: 'response',
    id,
    ok: false,
    error: { code: integer(error, 'code'), message: text(error, 'message') },
  };
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(
  fields: Fields,
  name: string,
  expected: string,
  accepts: (value: unknown) => boolean,
): unknown {
  const value = fields[name];
  if (!accepts(value)) throw new BridgeProtocolError(`"${name}" must be ${expected}`);
  return value;
}

function text(fields: Fields, name: string): string {
  return field(fields, name, 'a string', (v) => typeof v === 'string') as string;
}

function integer(fields: Fields, name: string): number {
  return field(fields, name, 'an integer', (v) => Number.isSafeInteger(v)) as number;
}

function flag(fields: Fields, name: string): boolean {
  return field(fields, name, 'true or false', (v) => typeof v === 'boolean') as boolean;
}

function object(fields: Fields, name: string): Fields {
  return field(fields, name, 'an object', isObject) as Fields;
}

function oneOf<T extends string>(fields: Fields, name: string, allowed: readonly T[]): T {
  return field(fields, name, `one of ${allowed.join(', ')}`, (v) => allowed.includes(v as T)) as T;
}
