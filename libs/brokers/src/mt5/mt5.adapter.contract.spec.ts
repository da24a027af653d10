import { mt5AdapterRig } from '#simulators/mt5/testing/mt5-adapter-rig.js';
import { dec, roundToStep, toDecimalString } from '../decimal/index.js';
import { describeBrokerAdapterContract } from '../testing/index.js';

describeBrokerAdapterContract('Mt5Adapter on the MT5 terminal simulator', () => {
  const rig = mt5AdapterRig();
  // The EA dials in whenever the adapter listens: the contract's connect() waits for its hello.
  void rig.dialIn().catch(() => undefined);
  return Promise.resolve({
    adapter: rig.adapter,
    symbol: 'EURUSD',
    quantity: '0.1',
    farLimitPrice: async (side) => {
      const ticker = await rig.adapter.getTicker('EURUSD');
      const far = side === 'buy' ? dec(ticker.bid).times(0.95) : dec(ticker.ask).times(1.05);
      return toDecimalString(roundToStep(far, '0.00001', 'nearest'));
    },
    // One price step, then the time a terminal's tick takes: the adapter re-reads each deal it is told of.
    advance: async () => {
      await rig.terminal.advance();
      await new Promise((resolve) => setTimeout(resolve, 10));
    },
    teardown: () => rig.close(),
  });
});
