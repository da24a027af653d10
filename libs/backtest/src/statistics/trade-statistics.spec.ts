import { tradeWithPnl } from './testing/trade-with-pnl.js';
import { tradeStatistics } from './trade-statistics.js';

describe('tradeStatistics', () => {
  it('works out every statistic over closed trades only', () => {
    // Closed, in order: +10, +5, −4, 0, −6, −2, +12; the open +100 between the first two is left out
    // (counted, it would make a 3-win streak and the largest win).
    // trades 7 (the 0 counts); wins 3 (10, 5, 12), gross 27; losses 3 (−4, −6, −2), gross −12.
    // win rate 3/7; profit factor 27/12 = 2.25; expectancy (27 − 12)/7 = 15/7; average win 27/3 = 9,
    // average loss −12/3 = −4; largest win 12, largest loss −6.
    // Streaks: wins 10, 5 → 2; losses −4 | 0 breaks it | −6, −2 → 2 (3 if the 0 did not break it).
    const statistics = tradeStatistics(
      [10, 100, 5, -4, 0, -6, -2, 12].map((pnl, i) => tradeWithPnl(pnl, i === 1)),
    );
    expect(statistics).toEqual({
      trades: 7,
      winRate: 3 / 7,
      profitFactor: 2.25,
      expectancy: 15 / 7,
      averageWin: 9,
      averageLoss: -4,
      largestWin: 12,
      largestLoss: -6,
      maxConsecutiveWins: 2,
      maxConsecutiveLosses: 2,
    });
  });

  it('has no profit factor, average loss or largest loss when every trade wins', () => {
    const statistics = tradeStatistics([tradeWithPnl(3), tradeWithPnl(1)]);
    expect(statistics).toMatchObject({
      winRate: 1,
      profitFactor: null,
      averageLoss: null,
      largestLoss: null,
    });
    expect(statistics).toMatchObject({ expectancy: 2, maxConsecutiveWins: 2, maxConsecutiveLosses: 0 });
  });

  it('has a profit factor of 0 when every trade loses', () => {
    const statistics = tradeStatistics([tradeWithPnl(-3), tradeWithPnl(-1)]);
    expect(statistics).toMatchObject({ winRate: 0, profitFactor: 0, averageWin: null, largestWin: null });
    expect(statistics).toMatchObject({ averageLoss: -2, largestLoss: -3, maxConsecutiveLosses: 2 });
  });

  it('is empty with no trade, or only one still open', () => {
    const empty = {
      trades: 0,
      winRate: null,
      profitFactor: null,
      expectancy: null,
      averageWin: null,
      averageLoss: null,
      largestWin: null,
      largestLoss: null,
      maxConsecutiveWins: 0,
      maxConsecutiveLosses: 0,
    };
    expect(tradeStatistics([])).toEqual(empty);
    expect(tradeStatistics([tradeWithPnl(50, true)])).toEqual(empty);
  });

  it('counts a break-even trade in the total but as neither a win nor a loss', () => {
    // 0 and +4: 2 trades, 1 win → win rate 1/2; expectancy 4/2 = 2; no loss → no profit factor.
    expect(tradeStatistics([tradeWithPnl(0), tradeWithPnl(4)])).toMatchObject({
      trades: 2,
      winRate: 0.5,
      expectancy: 2,
      profitFactor: null,
      maxConsecutiveWins: 1,
    });
  });
});
