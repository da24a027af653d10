import type { BybitSimulator } from '../../libs/simulators/src/index.js';

export const SIM_KEY = 'sim-api-key';
export const SIM_SECRET = 'sim-api-secret';

/** A Bybit account of the app's config file, pointed at a running simulator. */
export function bybitAccount(
  simulator: BybitSimulator,
  name = 'bybit',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    broker: 'bybit',
    bybit: {
      apiKey: SIM_KEY,
      apiSecret: SIM_SECRET,
      restBaseUrl: simulator.url,
      wsPrivateUrl: simulator.wsUrl('private'),
      wsPublicUrl: simulator.wsUrl('linear'),
      symbols: ['BTCUSDT', 'ETHUSDT'],
      ...overrides,
    },
  };
}
