import { NEW_YORK_CLOSE_RULE, type Mt5ServerClockRule } from './mt5-server-clock.js';

/** One MT5 account's adapter settings, read once from its validated options. */
export interface Mt5Config {
  readonly account: string;
  /** Where Edgerunner listens for this account's Expert Advisor to dial in. */
  readonly host: string;
  readonly port: number;
  /** The per-account token the EA's hello must carry; compared in constant time, never logged. */
  readonly token: string;
  /** Written on every order the bridge sends (ORDER_MAGIC), so the account's own trades can be told apart. */
  readonly magic: string;
  /** How the broker's server clock relates to UTC (GMT+2/+3 with US DST unless told). */
  readonly serverClock: Mt5ServerClockRule;
  /** How long connect() waits for the EA's hello before it reports the account down (and is retried). */
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Largest price move, in points, accepted on an Instant-execution market order before a requote. */
  readonly deviationPoints: number;
  /** The symbols offered; empty: every symbol in the terminal's Market Watch. */
  readonly symbols: readonly string[];
  /** How far back a reconnect looks for deals made while the EA was away, beyond the last one seen. */
  readonly historyLookbackMs: number;
}

export const MT5_DEFAULTS = {
  host: '127.0.0.1',
  port: 7788,
  magic: '7788001',
  serverClock: NEW_YORK_CLOSE_RULE,
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  deviationPoints: 10,
  symbols: [] as readonly string[],
  historyLookbackMs: 7 * 86_400_000,
} as const;
