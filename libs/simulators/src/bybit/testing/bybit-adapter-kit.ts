import { BYBIT_DEFAULTS, type BybitConfig } from '#brokers/bybit/bybit-config.js';
import { BybitAdapter } from '#brokers/bybit/bybit.adapter.js';
import { BybitSimulator } from '../bybit-simulator.js';
import type { BybitSimulatorConfig } from '../bybit-simulator-config.js';
import { SIMULATOR_API_KEY, SIMULATOR_API_SECRET } from '../bybit-simulator-defaults.js';

/**
 * A Bybit simulator on loopback and the real Bybit adapter configured for it, as an account's config
 * would be: for the adapter's specs. It lives with the simulator so that libs/brokers never depends on
 * libs/simulators outside its specs.
 */
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
