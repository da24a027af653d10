import type { OrderRequest } from '#brokers';
import { needsQuote, referencePrice } from './reference-price.js';

const ticker = { bid: '64999.9', ask: '65000.1' };
type Priced = Pick<OrderRequest, 'type' | 'side' | 'price' | 'stopPrice'>;

describe('referencePrice', () => {
  it.each<[Priced, string]>([
    [{ type: 'limit', side: 'buy', price: '64000' }, '64000'],
    [{ type: 'stop_limit', side: 'sell', price: '63000', stopPrice: '63500' }, '63000'],
    [{ type: 'stop', side: 'buy', stopPrice: '66000' }, '66000'],
    [{ type: 'market', side: 'buy' }, '65000.1'],
    [{ type: 'market', side: 'sell' }, '64999.9'],
  ])('%j is measured at %s', (request, price) => {
    expect(referencePrice(request, ticker)).toBe(price);
  });

  it('needs the quote only for market orders', () => {
    expect(needsQuote({ type: 'market' })).toBe(true);
    expect(['limit', 'stop', 'stop_limit'].map((type) => needsQuote({ type } as Priced))).toEqual([
      false,
      false,
      false,
    ]);
    expect(() => referencePrice({ type: 'market', side: 'buy' }, undefined)).toThrow(/quote/);
  });
});
