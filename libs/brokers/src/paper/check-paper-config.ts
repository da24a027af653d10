import { isDecimal } from '../decimal/index.js';
import type { PaperAccountConfig } from './paper-config.js';

/**
 * Refuses a paper config the simulator cannot run, at construction: a configuration error should stop
 * the boot, not surface as odd prices later. Throws a plain Error naming the field.
 */
export function checkPaperConfig(config: PaperAccountConfig): void {
  const fail = (field: string, problem: string): never => {
    throw new Error(`paper account ${config.account}: ${field} ${problem}`);
  };
  const positive = (field: string, value: unknown): void => {
    if (!isDecimal(value) || Number(value) <= 0)
      fail(field, `must be a positive decimal, got "${String(value)}"`);
  };
  if (!isDecimal(config.startingCash) || Number(config.startingCash) < 0)
    fail('startingCash', 'must be >= 0');
  for (const field of [
    'takerFeeBps',
    'makerFeeBps',
    'slippageBps',
    'tickIntervalMs',
    'historyMinutes',
  ] as const) {
    if (!Number.isFinite(config[field]) || config[field] < 0) fail(field, 'must be a number >= 0');
  }
  const seen = new Set<string>();
  for (const instrument of config.instruments) {
    const at = `instruments.${instrument.symbol}`;
    if (seen.has(instrument.symbol)) fail(at, 'is configured twice');
    seen.add(instrument.symbol);
    for (const field of ['tickSize', 'lotSize', 'minQuantity', 'startPrice', 'depth'] as const) {
      positive(`${at}.${field}`, instrument[field]);
    }
    positive(`${at}.leverage`, instrument.leverage);
    if (!Number.isFinite(instrument.volatility) || instrument.volatility < 0)
      fail(`${at}.volatility`, 'must be >= 0');
    if (!Number.isFinite(instrument.spreadTicks) || instrument.spreadTicks < 1)
      fail(`${at}.spreadTicks`, 'must be >= 1');
    for (const field of ['takerFeeBps', 'makerFeeBps'] as const) {
      const bps = instrument[field];
      if (bps !== undefined && (!Number.isFinite(bps) || bps < 0))
        fail(`${at}.${field}`, 'must be a number >= 0');
    }
  }
}
