import type { Mt5TerminalSimulator } from '#simulators';

export const MT5_TEST_TOKEN = 'e2e-bridge-token-0123456789';

/** An MT5 account of the app's config file, listening on `port` for a terminal simulator to dial in. */
export function mt5Account(
  port: number,
  name = 'mt5',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    broker: 'mt5',
    mt5: {
      host: '127.0.0.1',
      port,
      token: MT5_TEST_TOKEN,
      // The app's start waits this long for the hello; a loaded CI machine may take a while to get there.
      connectTimeoutMs: 30_000,
      requestTimeoutMs: 3000,
      symbols: ['EURUSD', 'XAUUSD'],
      ...overrides,
    },
  };
}

/**
 * Dials the terminal in to `port` as the EA does: again until the app listens (resolves once welcomed).
 * An app's start on a loaded machine (PGlite, migrations, every account) can take tens of seconds.
 */
export function dialIn(terminal: Mt5TerminalSimulator, port: number, token = MT5_TEST_TOKEN): Promise<void> {
  return terminal.connectWhenListening({ host: '127.0.0.1', port, token }, 60_000);
}
