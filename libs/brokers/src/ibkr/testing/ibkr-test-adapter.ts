import type { VenueLogger } from '../../port/broker-venue.js';
import { IBKR_DEFAULTS, type IbkrConfig } from '../ibkr-config.js';
import { IbkrAdapter } from '../ibkr.adapter.js';

/** Log lines an adapter under test wrote, to assert on and to print when a spec fails. */
export interface RecordedLog {
  readonly lines: string[];
  readonly log: VenueLogger;
}

export function recordLog(): RecordedLog {
  const lines: string[] = [];
  return { lines, log: (level, message) => lines.push(`${level}: ${message}`) };
}

/** An adapter of a loopback TWS (a simulator) on `port`, with timeouts short enough for specs. */
export function ibkrTestAdapter(
  port: number,
  overrides: Partial<IbkrConfig> = {},
  log: VenueLogger = () => undefined,
): IbkrAdapter {
  return new IbkrAdapter(
    {
      ...IBKR_DEFAULTS,
      account: 'ib-test',
      port,
      connectTimeoutMs: 3000,
      requestTimeoutMs: 3000,
      reconnectInitialDelayMs: 50,
      reconnectMaxDelayMs: 400,
      commissionWaitMs: 500,
      ...overrides,
    },
    log,
  );
}
