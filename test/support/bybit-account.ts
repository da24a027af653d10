import {
  SIMULATOR_API_KEY as SIM_KEY,
  SIMULATOR_API_SECRET as SIM_SECRET,
  type BybitSimulator,
} from '#simulators';

export { SIM_KEY, SIM_SECRET };

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
