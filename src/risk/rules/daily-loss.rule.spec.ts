import { checkDailyLoss, dailyPnl, lossLimitReached, type DailyLossInput } from './daily-loss.rule.js';

describe('daily loss', () => {
  it.each([
    ['100000', '99000.5', '-999.5'],
    ['100000', '100250', '250'],
    ['0.3', '0.1', '-0.2'],
  ])('PnL from %s to %s is %s', (start, equity, pnl) => {
    expect(dailyPnl(start, equity).toString()).toBe(pnl);
  });

  it.each([
    ['-999.99', '1000', false],
    ['-1000', '1000', true],
    ['-1500', '1000', true],
    ['200', '1000', false],
  ])('PnL %s against limit %s reached: %s', (pnl, limit, reached) => {
    expect(lossLimitReached(dailyPnl('0', pnl), limit)).toBe(reached);
  });

  const input = (fields: Partial<DailyLossInput>): DailyLossInput => ({
    limit: '1000',
    day: '2026-01-02',
    pnl: '-1200',
    tripped: true,
    trippedPnl: '-1200',
    ...fields,
  });

  it.each<[string, DailyLossInput | null, boolean, boolean]>([
    ['no limit', null, false, false],
    ['not tripped', input({ tripped: false, trippedPnl: null, pnl: '-999' }), false, false],
    ['tripped, a risk-increasing order', input({}), false, true],
    ['tripped, a reducing order', input({}), true, false],
    ['tripped and recovered since', input({ pnl: '50' }), false, true],
  ])('%s → refused: %s', (_case, standing, reducing, refused) => {
    expect(checkDailyLoss(standing, reducing) !== null).toBe(refused);
  });

  it('names the limit, the loss that tripped it and PnL now', () => {
    expect(checkDailyLoss(input({ pnl: '50' }), false)).toEqual({
      rule: 'daily_loss_limit',
      message:
        'daily loss limit 1000 reached on 2026-01-02 (PnL -1200, now 50): only orders that reduce a position are accepted until 00:00 UTC',
      limit: '1000',
      value: '50',
    });
  });
});
