import type { VenueContext } from '../port/broker-venue.js';
import { MT5_DEFAULTS, type Mt5Config } from './mt5-config.js';
import type { Mt5Options } from './mt5-options.js';
import { Mt5ServerClock } from './mt5-server-clock.js';
import { Mt5Adapter } from './mt5.adapter.js';

/** The adapter's config from an account's validated options (its token already resolved at config load). */
export function toMt5Config(options: Mt5Options, account: string): Mt5Config {
  if (!options.token) throw new Error(`MT5 account "${account}" has no bridge token`);
  const serverClock = { zone: options.serverZone, shiftHours: options.serverShiftHours };
  try {
    new Mt5ServerClock(serverClock);
  } catch (error) {
    throw new Error(`MT5 account "${account}": ${(error as Error).message}`, { cause: error });
  }
  return {
    account,
    host: options.host,
    port: options.port,
    token: options.token,
    magic: options.magic,
    serverClock,
    connectTimeoutMs: options.connectTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    deviationPoints: options.deviationPoints,
    symbols: [...new Set(options.symbols)],
    historyLookbackMs: MT5_DEFAULTS.historyLookbackMs,
  };
}

/** An MT5 account's adapter, logging through the app. */
export function createMt5Adapter(options: Mt5Options, context: VenueContext): Mt5Adapter {
  return new Mt5Adapter(toMt5Config(options, context.account), context.log);
}
