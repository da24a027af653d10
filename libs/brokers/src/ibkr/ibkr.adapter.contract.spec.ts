import { TwsSimulator } from '#simulators/ibkr/tws-simulator.js';
import { dec, roundToStep, toDecimalString } from '../decimal/index.js';
import { describeBrokerAdapterContract } from '../testing/index.js';
import { ibkrTestAdapter } from './testing/ibkr-test-adapter.js';

describeBrokerAdapterContract('IbkrAdapter on the TWS simulator', async () => {
  const simulator = new TwsSimulator();
  const port = await simulator.start();
  const adapter = ibkrTestAdapter(port);
  return {
    adapter,
    symbol: 'AAPL',
    quantity: '10',
    farLimitPrice: async (side) => {
      const ticker = await adapter.getTicker('AAPL');
      const far = side === 'buy' ? dec(ticker.bid).times(0.7) : dec(ticker.ask).times(1.3);
      return toDecimalString(roundToStep(far, '0.01', 'nearest'));
    },
    advance: () => simulator.tick(),
    teardown: () => simulator.stop(),
  };
});
