import { scopesGrant } from './api-key-scope.js';

describe('scopesGrant', () => {
  it.each([
    [['read'], 'read', true],
    [['read'], 'trade', false],
    [['read'], 'admin', false],
    [['trade'], 'read', true],
    [['trade'], 'trade', true],
    [['trade'], 'admin', false],
    [['admin'], 'read', true],
    [['admin'], 'trade', true],
    [['admin'], 'admin', true],
    [['read', 'trade'], 'trade', true],
  ] as const)('%j grants %s: %s', (held, required, expected) => {
    expect(scopesGrant(held, required)).toBe(expected);
  });
});
