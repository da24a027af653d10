import { BybitSimulator, SIMULATOR_API_KEY, SIMULATOR_API_SECRET } from '../../../simulators/src/index.js';
import type { BybitSimulatorConfig } from '../../../simulators/src/bybit/bybit-simulator-config.js';
import { BYBIT_DEFAULTS, type BybitConfig } from '../bybit/bybit-config.js';
import { BybitAdapter } from '../bybit/bybit.adapter.js';

/** A Bybit simulator on loopback and an adapter configured for it, as an account's config would be. */
export interface BybitAdapterKit {
  readonly simulator: BybitSimulator;
  readonly config: BybitConfig;
  readonly adapter: BybitAdapter;
  /** Another adapter on the same simulator (other credentials, say). */
  adapterWith(overrides: Partial<BybitConfig>): BybitAdapter;
  close(): Promise<void>;
}

export async function startBybitAdapterKit(
  overrides: Partial<BybitConfig> = {},
  simulatorConfig: Partial<BybitSimulatorConfig> = {},
): Promise<BybitAdapterKit> {
  const simulator = new BybitSimulator({ tickIntervalMs: 0, ...simulatorConfig });
  const restBaseUrl = await simulator.start();
  const base: BybitConfig = {
    ...BYBIT_DEFAULTS,
    account: 'bybit',
    apiKey: SIMULATOR_API_KEY,
    apiSecret: SIMULATOR_API_SECRET,
    restBaseUrl,
    wsPrivateUrl: simulator.wsUrl('private'),
    wsPublicUrl: simulator.wsUrl('linear'),
    streamTimeoutMs: 5000,
    ...overrides,
  };
  const adapters: BybitAdapter[] = [];
  const adapterWith = (more: Partial<BybitConfig>): BybitAdapter => {
    const adapter = new BybitAdapter({ ...base, ...more });
    adapters.push(adapter);
    return adapter;
  };
  const adapter = adapterWith({});
  return {
    simulator,
    config: base,
    adapter,
    adapterWith,
    close: async () => {
      await Promise.all(adapters.map((each) => each.disconnect()));
      await simulator.stop();
    },
  };
}
