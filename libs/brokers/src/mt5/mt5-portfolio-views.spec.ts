import type { AccountInfo } from './bridge/bridge-commands.js';
import { toAccountSummary, toPositions } from './mt5-portfolio-views.js';
import { NEW_YORK_CLOSE_RULE, Mt5ServerClock } from './mt5-server-clock.js';
import { eurusd, tradePosition } from './testing/mt5-records.js';
import { dec } from '../decimal/index.js';

const INFO: AccountInfo = {
  login: '5012345',
  trade_mode: 0,
  leverage: 100,
  limit_orders: 200,
  margin_mode: 2,
  currency_digits: 2,
  trade_allowed: true,
  trade_expert: true,
  balance: '10000.00',
  credit: '0.00',
  profit: '12.30',
  equity: '10012.30',
  margin: '221.05',
  margin_free: '9791.25',
  margin_level: '4529.43',
  name: 'Demo',
  server: 'Edgerunner-Sim',
  currency: 'USD',
  company: 'Edgerunner',
};
const clock = new Mt5ServerClock(NEW_YORK_CLOSE_RULE);
const symbols = new Map([['EURUSD', eurusd({ currency_margin: 'USD' })]]);

describe('MT5 positions and account as the port sees them', () => {
  it('nets a hedging account tickets on one symbol: long minus short, at the remaining side price', () => {
    const [position] = toPositions(
      [
        tradePosition({ ticket: '1', volume: '0.30', price_open: '1.10000', profit: '6.00' }),
        tradePosition({ ticket: '2', volume: '0.10', price_open: '1.20000', profit: '4.00' }),
        tradePosition({
          ticket: '3',
          type: 1,
          volume: '0.10',
          price_open: '1.15000',
          profit: '-1.00',
          swap: '-0.50',
        }),
      ],
      symbols,
      INFO,
      clock,
    );
    expect(position).toMatchObject({
      symbol: 'EURUSD',
      side: 'long',
      quantity: '0.3',
      averagePrice: '1.125',
      unrealizedPnl: '8.5',
      marginUsed: '500',
    });
  });

  it('reads a netting short as a negative quantity, and a flat hedge as flat', () => {
    const [short] = toPositions([tradePosition({ type: 1, volume: '0.20' })], symbols, INFO, clock);
    expect(short).toMatchObject({ side: 'short', quantity: '-0.2', averagePrice: '1.10523' });
    const [flat] = toPositions(
      [tradePosition({ ticket: '1' }), tradePosition({ ticket: '2', type: 1 })],
      symbols,
      INFO,
      clock,
    );
    expect(flat).toMatchObject({ side: 'flat', quantity: '0' });
  });

  it('takes the summary from account_info, with the realized PnL it is given', () => {
    expect(toAccountSummary('mt5', INFO, dec('-3.5'), '2026-01-01T00:00:00.000Z')).toEqual({
      account: 'mt5',
      currency: 'USD',
      balance: '10000',
      equity: '10012.3',
      marginUsed: '221.05',
      marginFree: '9791.25',
      unrealizedPnl: '12.3',
      realizedPnl: '-3.5',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
