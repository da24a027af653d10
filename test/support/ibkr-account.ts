import type { TwsSimulator } from '#simulators';

/** An Interactive Brokers account of the app's config file, pointed at a running TWS simulator. */
export function ibkrAccount(
  simulator: TwsSimulator,
  name = 'ibkr',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    broker: 'ibkr',
    ibkr: {
      host: '127.0.0.1',
      port: simulator.listeningPort,
      clientId: 1,
      reconnectInitialDelayMs: 50,
      reconnectMaxDelayMs: 200,
      ...overrides,
    },
  };
}
