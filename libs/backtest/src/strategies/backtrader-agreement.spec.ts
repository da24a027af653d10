import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBacktest } from '../engine/run-backtest.js';
import { DEFAULT_BACKTEST_SETTINGS } from '../engine/backtest-settings.js';
import { resolveParameters } from '../strategy/resolve-parameters.js';
import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { SMA_CROSSOVER } from './moving-average-crossovers.js';

interface ReferenceTrade {
  open: string;
  close: string;
  pnl: number;
}

const reference = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../test/fixtures/market-data/GOOG.sma-10-30.reference.json', import.meta.url),
    ),
    'utf8',
  ),
) as { final: number; n_trades: number; trades: ReferenceTrade[]; rule: string };

const day = (time: number): string => new Date(time).toISOString().slice(0, 10);

describe('SMA crossover against backtrader on GOOG daily (the rule in the reference file)', () => {
  // The reference's rule: SMA(10)/SMA(30) on the close, long only, 100 shares, market orders at the next
  // open, no fees or slippage, 100,000 cash, final equity with the open position at the last close.
  const result = runBacktest(
    SMA_CROSSOVER,
    resolveParameters(SMA_CROSSOVER, { fast: 10, slow: 30 }),
    [loadFixtureSeries('GOOG')],
    { ...DEFAULT_BACKTEST_SETTINGS, startingCash: 100_000, sizing: { kind: 'fixed', quantity: 100 } },
  );
  const closed = result.trades.filter((trade) => !trade.open);

  it('makes the same round trips: entry and exit dates and PnL, trade for trade', () => {
    expect(
      closed.map((trade) => ({
        open: day(trade.entryTime),
        close: day(trade.exitTime),
        pnl: Math.round(trade.pnl * 100) / 100,
      })),
    ).toEqual(reference.trades.map((trade) => ({ open: trade.open, close: trade.close, pnl: trade.pnl })));
    expect(closed).toHaveLength(reference.n_trades);
  });

  it('ends on the same equity, the open position marked at the last close', () => {
    expect(result.statistics.finalEquity).toBeCloseTo(reference.final, 6);
    expect(result.equity.equity[result.bars - 1]).toBeCloseTo(reference.final, 6);
  });

  it('enters 100 shares long only, at the open of the bar after the signal', () => {
    const goog = loadFixtureSeries('GOOG');
    for (const trade of closed) {
      expect(trade).toMatchObject({ direction: 'long', quantity: 100, fees: 0 });
      const entryBar = goog.time.indexOf(trade.entryTime);
      expect(trade.entryPrice).toBe(goog.open[entryBar]);
    }
  });
});
