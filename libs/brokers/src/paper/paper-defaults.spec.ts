import { dec, isMultipleOf } from '../decimal/index.js';
import { PaperAdapter } from './paper.adapter.js';
import { defaultPaperAccountConfig } from './paper-defaults.js';

describe('defaultPaperAccountConfig', () => {
  it('runs a day of ticks with every quote on its grid and prices near where they started', async () => {
    const config = { ...defaultPaperAccountConfig(), tickIntervalMs: 0, historyMinutes: 10 };
    const adapter = new PaperAdapter(config, () => Date.parse('2024-03-04T00:00:00Z'));
    await adapter.connect();
    adapter.advance(5000);
    for (const instrument of config.instruments) {
      const ticker = await adapter.getTicker(instrument.symbol);
      expect(
        isMultipleOf(ticker.bid, instrument.tickSize) && isMultipleOf(ticker.ask, instrument.tickSize),
      ).toBe(true);
      expect(dec(ticker.bid).lt(ticker.ask)).toBe(true);
      // A realistic per-second volatility leaves the price within a few percent after 5000 s.
      const move = dec(ticker.last).div(instrument.startPrice).minus(1).abs();
      expect(move.lt(0.1)).toBe(true);
      expect(ticker.bidSize).toBe(instrument.depth);
    }
  });

  it('declares the full capability map', () => {
    const adapter = new PaperAdapter(defaultPaperAccountConfig());
    expect(adapter.kind).toBe('paper');
    expect(adapter.account).toBe('paper');
    expect(adapter.capabilities).toEqual({
      orderTypes: ['market', 'limit', 'stop', 'stop_limit'],
      timeInForce: ['gtc', 'ioc', 'fok', 'day'],
      bracketOrders: true,
      shortSelling: true,
      timeframes: ['1m', '5m', '15m', '30m', '1h', '4h', '1d'],
    });
  });

  it('refuses a broken config at construction', () => {
    const config = defaultPaperAccountConfig();
    const [first] = config.instruments;
    if (!first) throw new Error('no instrument');
    expect(() => new PaperAdapter({ ...config, instruments: [first, first] })).toThrow(/configured twice/);
    expect(() => new PaperAdapter({ ...config, instruments: [{ ...first, tickSize: '0' }] })).toThrow(
      /tickSize/,
    );
  });
});
