import { ValidationFailedError } from '../common/errors/app-error.js';
import type { StoredAccount } from '../broker/stored-accounts/stored-account.js';
import { asWrittenAccount, patchedAccount, toStoredAccount } from './account-definition.js';

const TIMES = { createdAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-01-01T00:00:00Z') };
const STORED: StoredAccount = {
  name: 'desk',
  broker: 'bybit',
  settings: { autoConnect: true, risk: { maxOrderNotional: '1000' } },
  options: { apiKey: 'key-0123456789abcd', apiSecret: 'secret-0123456789ab', testnet: true },
  ...TIMES,
};

describe('account definitions over the API', () => {
  it('store the broker options apart from the settings every account has', () => {
    const stored = toStoredAccount(
      { name: 'desk', broker: 'bybit', autoConnect: false, bybit: { apiKey: 'k', apiSecret: 's' } },
      TIMES,
    );
    expect(stored).toEqual({
      name: 'desk',
      broker: 'bybit',
      settings: { autoConnect: false },
      options: { apiKey: 'k', apiSecret: 's' },
      ...TIMES,
    });
  });

  it('refuse a body that is not an account object', () => {
    for (const body of [[1], 'desk', null, 3])
      expect(() => asWrittenAccount(body)).toThrow(ValidationFailedError);
  });

  it('merge a patch field by field: a new secret keeps the key, null removes a field', () => {
    expect(patchedAccount(STORED, { bybit: { apiSecret: 'rotated-secret-0123', testnet: null } })).toEqual({
      name: 'desk',
      broker: 'bybit',
      autoConnect: true,
      risk: { maxOrderNotional: '1000' },
      bybit: { apiKey: 'key-0123456789abcd', apiSecret: 'rotated-secret-0123' },
    });
    expect(patchedAccount(STORED, { risk: null, autoConnect: false })).toEqual(
      expect.not.objectContaining({ risk: expect.anything() }),
    );
    expect(patchedAccount(STORED, { risk: null, autoConnect: false }).autoConnect).toBe(false);
  });

  it('keep the name and the broker', () => {
    expect(() => patchedAccount(STORED, { broker: 'paper' })).toThrow('broker cannot be changed');
    expect(() => patchedAccount(STORED, { name: 'other' })).toThrow('name cannot be changed');
    expect(patchedAccount(STORED, { name: 'desk', broker: 'bybit' }).bybit).toEqual(STORED.options);
    expect(() => patchedAccount(STORED, { bybit: 'key' })).toThrow('bybit options must be an object');
  });
});
