import { dec, roundToStep, toDecimalString } from '../decimal/index.js';
import { describeBrokerAdapterContract } from '../testing/index.js';
import { PaperAdapter } from './paper.adapter.js';
import { defaultPaperAccountConfig } from './paper-defaults.js';

describeBrokerAdapterContract('PaperAdapter', () => {
  const adapter = new PaperAdapter({ ...defaultPaperAccountConfig(), tickIntervalMs: 0 });
  return Promise.resolve({
    adapter,
    symbol: 'BTCUSDT',
    quantity: '0.01',
    farLimitPrice: async (side) => {
      const ticker = await adapter.getTicker('BTCUSDT');
      const far = side === 'buy' ? dec(ticker.bid).times(0.5) : dec(ticker.ask).times(1.5);
      return toDecimalString(roundToStep(far, '0.1', 'down'));
    },
    advance: () => Promise.resolve(adapter.tick()),
    teardown: () => Promise.resolve(),
  });
});
