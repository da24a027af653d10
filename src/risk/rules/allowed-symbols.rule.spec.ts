import { checkAllowedSymbols } from './allowed-symbols.rule.js';

describe('checkAllowedSymbols', () => {
  it.each([
    [undefined, 'DOGEUSDT', null],
    [['BTCUSDT', 'ETHUSDT'], 'BTCUSDT', null],
    [
      ['BTCUSDT', 'ETHUSDT'],
      'DOGEUSDT',
      'symbol DOGEUSDT is not allowed on this account: allowed symbols are BTCUSDT, ETHUSDT',
    ],
    [[], 'BTCUSDT', 'symbol BTCUSDT is not allowed on this account: allowed symbols are none'],
  ])('allowed %j, symbol %s → %s', (allowed, symbol, message) => {
    const violation = checkAllowedSymbols(allowed, symbol);
    expect(violation?.message ?? null).toBe(message);
    if (violation)
      expect(violation).toEqual(expect.objectContaining({ rule: 'allowed_symbols', value: symbol }));
  });
});
