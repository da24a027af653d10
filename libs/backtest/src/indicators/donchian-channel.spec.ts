import { DonchianChannels } from 'trading-signals';

import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { measureAgreement } from '../testing/series-agreement.js';
import { DonchianChannel } from './donchian-channel.js';
import { updatedBar } from '../testing/updated.js';

describe('DonchianChannel', () => {
  it('spans the highest high and lowest low of the last period bars, current bar included', () => {
    const channel = new DonchianChannel(3);
    expect(updatedBar(channel, 10, 8, 9)).toBeNaN();
    expect(updatedBar(channel, 12, 9, 11)).toBeNaN();
    expect(updatedBar(channel, 11, 7, 8)).toBe((12 + 7) / 2);
    expect([channel.upper, channel.lower]).toEqual([12, 7]);
    // The 10 / 8 bar leaves; the 12 high and 7 low are still in.
    channel.updateBar(9, 8.5, 9);
    expect([channel.upper, channel.lower]).toEqual([12, 7]);
    // The 12 high leaves: the highest left is 11.
    channel.updateBar(9.5, 8.8, 9);
    expect([channel.upper, channel.middle, channel.lower]).toEqual([11, 9, 7]);
    expect(channel.warmup).toBe(3);
  });

  it.each(['GOOG', 'EURUSD'] as const)('equals trading-signals DonchianChannels on every %s bar', (name) => {
    const series = loadFixtureSeries(name);
    for (const period of [1, 20, 55]) {
      const ours = new DonchianChannel(period);
      const theirs = new DonchianChannels(period);
      const lines = { upper: [] as number[], middle: [] as number[], lower: [] as number[] };
      const reference = {
        upper: [] as (number | null)[],
        middle: [] as (number | null)[],
        lower: [] as (number | null)[],
      };
      for (let index = 0; index < series.length; index++) {
        const [high, low, close] = [series.high[index]!, series.low[index]!, series.close[index]!];
        ours.updateBar(high, low, close);
        const result = theirs.update({ high, low }, false);
        for (const line of ['upper', 'middle', 'lower'] as const) {
          lines[line].push(ours[line]);
          reference[line].push(result ? result[line] : null);
        }
      }
      for (const line of ['upper', 'middle', 'lower'] as const) {
        const agreement = measureAgreement(lines[line], reference[line]);
        expect([agreement.firstReady, agreement.referenceFirstReady]).toEqual([period - 1, period - 1]);
        expect(agreement.readinessMismatches).toBe(0);
        // Extremes are picked, not computed, and the midpoint rounds the same way: exact equality.
        expect(agreement.maxRelativeError).toBe(0);
      }
    }
  });
});
