import { MT5_DEFAULTS, type Mt5Config } from '#brokers/mt5/mt5-config.js';
import { Mt5Adapter } from '#brokers/mt5/mt5.adapter.js';
import type { VenueLogger } from '#brokers';
import type { Mt5SimulatorConfig } from '../mt5-simulator-config.js';
import { defaultMt5Symbols } from '../mt5-simulator-defaults.js';
import { Mt5TerminalSimulator } from '../mt5-terminal-simulator.js';

export const RIG_TOKEN = 'rig-bridge-token-0123456789';
const WHOLE_WEEK = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromSeconds: 0, toSeconds: 86_400 }));

/**
 * The real Mt5Adapter listening on a free loopback port and a terminal simulator that dials in to it the
 * way the EA does (again and again until the port answers), for the adapter's specs. Its symbols trade the
 * whole week so a spec run on a Saturday sees the same market as one on a Wednesday. It lives with the
 * simulator so that libs/brokers never depends on libs/simulators outside its specs.
 */
export interface Mt5AdapterRig {
  readonly adapter: Mt5Adapter;
  readonly terminal: Mt5TerminalSimulator;
  readonly logs: string[];
  /** Dials the terminal in once the adapter listens; resolves when welcomed (or refused: it rejects). */
  dialIn(token?: string): Promise<void>;
  close(): Promise<void>;
}

export function mt5AdapterRig(
  config: Partial<Mt5Config> = {},
  terminal: Partial<Mt5SimulatorConfig> = {},
): Mt5AdapterRig {
  const logs: string[] = [];
  const log: VenueLogger = (level, message) => logs.push(`${level}: ${message}`);
  const adapter = new Mt5Adapter(
    {
      ...MT5_DEFAULTS,
      account: 'mt5',
      port: 0,
      token: RIG_TOKEN,
      connectTimeoutMs: 3000,
      requestTimeoutMs: 3000,
      ...config,
    },
    log,
  );
  const simulator = new Mt5TerminalSimulator({
    tickIntervalMs: 0,
    symbols: defaultMt5Symbols().map((symbol) => ({ ...symbol, sessions: WHOLE_WEEK })),
    ...terminal,
  });
  let closed = false;
  return {
    adapter,
    terminal: simulator,
    logs,
    async dialIn(token = RIG_TOKEN) {
      while (!closed) {
        const port = adapter.listeningPort;
        if (port !== undefined) return simulator.connect({ host: '127.0.0.1', port, token });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async close() {
      closed = true;
      await adapter.disconnect();
      await simulator.stop();
    },
  };
}
