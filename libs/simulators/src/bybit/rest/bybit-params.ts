import type Big from 'big.js';
import { BybitError } from '../bybit-error.js';
import { RET } from '../bybit-ret-codes.js';
import { BYBIT_CATEGORIES, type BybitCategory } from '../bybit-simulator-config.js';
import { dec, isDecimal } from '../../paper-engine.js';

/** A request's parameters: the JSON body of a POST, or the decoded query of a GET (all strings). */
export type BybitParams = Readonly<Record<string, unknown>>;

/** A 10001 "params error" naming the parameter, the way Bybit prefixes its parameter refusals. */
export function paramsError(detail: string): BybitError {
  return new BybitError(RET.PARAMS, `params error: ${detail}`);
}

/** A parameter value as text for a message: strings as they are, anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value of `name` when it is present and not empty, else undefined. */
export function present(params: BybitParams, name: string): unknown {
  const value = params[name];
  return value === undefined || value === null || value === '' ? undefined : value;
}

/** An optional string parameter; a value of another JSON type is refused. */
export function optionalString(params: BybitParams, name: string): string | undefined {
  const value = present(params, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw paramsError(`${name} must be a string`);
  return value;
}

/** `category`, required on every V5 trade and query endpoint; the simulator serves linear and spot. */
export function categoryParam(
  params: BybitParams,
  allowed: readonly BybitCategory[] = BYBIT_CATEGORIES,
): BybitCategory {
  const value = present(params, 'category');
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as BybitCategory;
  // Bybit's own wording for a missing or unknown category.
  throw new BybitError(RET.PARAMS, 'Illegal category');
}

/**
 * An optional integer within [min, max] (query strings carry digits; JSON bodies numbers); `fallback`
 * when absent.
 */
export function integerParam(
  params: BybitParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = present(params, name);
  if (value === undefined) return fallback;
  const parsed =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw paramsError(`${name} must be an integer in [${min}, ${max}], got ${shown(value)}`);
  }
  return parsed;
}

/** An optional epoch-millisecond timestamp. */
export function timeParam(params: BybitParams, name: string): number | undefined {
  const value = present(params, name);
  if (value === undefined) return undefined;
  const parsed =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw paramsError(`${name} must be a timestamp in ms`);
  return parsed;
}

/** A decimal carried as a string (Bybit's type for qty and prices), or undefined when absent. */
export function decimalString(params: BybitParams, name: string, fail: () => BybitError): Big | undefined {
  const value = present(params, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isDecimal(value)) throw fail();
  return dec(value);
}

/** An optional boolean (JSON `true`/`false`). */
export function booleanParam(params: BybitParams, name: string): boolean {
  const value = present(params, name);
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw paramsError(`${name} must be a boolean`);
  return value;
}
