import { jest } from '@jest/globals';
import type { Ticker } from '#brokers';
import { PriceCoalescer } from './price-coalescer.js';

const ticker = (symbol: string, last: string): Ticker => ({
  symbol,
  bid: last,
  ask: last,
  last,
  bidSize: '1',
  askSize: '1',
  time: '2026-01-01T00:00:00.000Z',
});

describe('PriceCoalescer', () => {
  let sent: string[];
  let coalescer: PriceCoalescer;

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    sent = [];
    coalescer = new PriceCoalescer(100, (account, t) => sent.push(`${account}:${t.symbol}@${t.last}`));
  });
  afterEach(() => {
    coalescer.close();
    jest.useRealTimers();
  });

  it('sends the first quote at once and then at most one per interval, always the latest', () => {
    for (let price = 1; price <= 50; price += 1) {
      coalescer.offer('paper', ticker('BTCUSDT', String(price)));
      jest.advanceTimersByTime(10); // a 100 Hz feed for half a second
    }
    jest.advanceTimersByTime(200);
    expect(sent[0]).toBe('paper:BTCUSDT@1');
    expect(sent.length).toBeLessThanOrEqual(6);
    // Nothing is held back: the last quote of the burst arrives once the interval has passed.
    expect(sent[sent.length - 1]).toBe('paper:BTCUSDT@50');
  });

  it('thins each symbol and account on its own', () => {
    coalescer.offer('paper', ticker('BTCUSDT', '1'));
    coalescer.offer('paper', ticker('ETHUSDT', '2'));
    coalescer.offer('other', ticker('BTCUSDT', '3'));
    expect(sent).toEqual(['paper:BTCUSDT@1', 'paper:ETHUSDT@2', 'other:BTCUSDT@3']);
  });

  it('lets a slow feed through untouched', () => {
    coalescer.offer('paper', ticker('BTCUSDT', '1'));
    jest.advanceTimersByTime(150);
    coalescer.offer('paper', ticker('BTCUSDT', '2'));
    expect(sent).toEqual(['paper:BTCUSDT@1', 'paper:BTCUSDT@2']);
  });
});
