import { isDecimal } from '../../paper-engine.js';
import { MQL_ERROR, Mt5CommandError } from '../mt5-codes.js';

type Params = Readonly<Record<string, unknown>>;

/** Params the EA cannot read are answered ok:false 4014, as PROTOCOL.md says. */
function unreadable(name: string, expected: string): never {
  throw new Mt5CommandError(MQL_ERROR.UNREADABLE, `Invalid parameter "${name}": expected ${expected}`);
}

export function optionalInteger(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) unreadable(name, 'an integer');
  return value;
}

export function integer(params: Params, name: string): number {
  return optionalInteger(params, name) ?? unreadable(name, 'an integer');
}

export function optionalText(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') unreadable(name, 'a string');
  return value;
}

export function text(params: Params, name: string): string {
  return optionalText(params, name) ?? unreadable(name, 'a string');
}

/** Tickets, magic numbers and chart ids: unsigned 64-bit integers written as decimal strings. */
export function optionalTicket(params: Params, name: string): string | undefined {
  const value = optionalText(params, name);
  if (value !== undefined && !/^\d{1,20}$/.test(value)) unreadable(name, 'a ticket as a decimal string');
  return value === undefined ? undefined : BigInt(value).toString();
}

export function ticket(params: Params, name: string): string {
  return optionalTicket(params, name) ?? unreadable(name, 'a ticket as a decimal string');
}

/** Prices and volumes: decimal strings, never floats. */
export function optionalDecimal(params: Params, name: string): string | undefined {
  const value = optionalText(params, name);
  if (value !== undefined && (!isDecimal(value) || value.trim() !== value))
    unreadable(name, 'a decimal string');
  return value;
}

export function symbolList(params: Params, name: string): string[] {
  const value = params[name];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    unreadable(name, 'an array of symbol names');
  return value;
}
