import { dec, roundToStep, toDecimalString } from '../decimal/index.js';
import { describeBrokerAdapterContract } from '../testing/index.js';
import { startBybitAdapterKit } from '#simulators/bybit/testing/bybit-adapter-kit.js';

describeBrokerAdapterContract('BybitAdapter on the Bybit V5 simulator', async () => {
  const kit = await startBybitAdapterKit();
  return {
    adapter: kit.adapter,
    symbol: 'BTCUSDT',
    quantity: '0.002',
    farLimitPrice: async (side) => {
      const ticker = await kit.adapter.getTicker('BTCUSDT');
      const far = side === 'buy' ? dec(ticker.bid).times(0.7) : dec(ticker.ask).times(1.3);
      return toDecimalString(roundToStep(far, '0.1', 'nearest'));
    },
    advance: () => kit.simulator.tick(),
    teardown: () => kit.close(),
  };
});
