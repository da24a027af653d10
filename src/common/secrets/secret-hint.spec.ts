import { maskSecret, secretHint } from './secret-hint.js';

describe('secret hints', () => {
  it('show the last four characters of a long secret, masked where the value would be', () => {
    const secret = 'whs_0123456789abcdefXYZ9';
    expect(secretHint(secret)).toBe('XYZ9');
    expect(maskSecret(secret)).toBe('****XYZ9');
  });

  it('show nothing of a short secret', () => {
    expect(secretHint('short-secret')).toBe('');
    expect(maskSecret('short-secret')).toBe('****');
  });
});
