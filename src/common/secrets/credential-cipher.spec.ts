import {
  CredentialCipher,
  SealedSecretDamagedError,
  SealedUnderAnotherKeyError,
} from './credential-cipher.js';

const KEY = 'k'.repeat(40);

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher(KEY);

  it('opens what it sealed, and the sealed text holds no trace of the secret', () => {
    const secret = '{"apiSecret":"s3cr3t-value-abcdef"}';
    const sealed = cipher.seal(secret, 'bybit-main');
    expect(sealed).not.toContain('s3cr3t');
    expect(sealed).not.toContain(Buffer.from(secret).toString('base64url'));
    expect(sealed.startsWith(`v1.${cipher.keyId}.`)).toBe(true);
    expect(cipher.open(sealed, 'bybit-main')).toBe(secret);
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(cipher.seal('same', 'a')).not.toBe(cipher.seal('same', 'a'));
  });

  it('refuses a value sealed for another account, or altered', () => {
    const sealed = cipher.seal('secret', 'one');
    expect(() => cipher.open(sealed, 'two')).toThrow(SealedSecretDamagedError);
    const parts = sealed.split('.');
    const data = Buffer.from(parts[4] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[4] = data.toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'one')).toThrow(SealedSecretDamagedError);
    expect(() => cipher.open('plain text', 'one')).toThrow(SealedSecretDamagedError);
  });

  it('names both key ids when the value was sealed under another master key', () => {
    const other = new CredentialCipher('o'.repeat(40));
    expect(other.keyId).not.toBe(cipher.keyId);
    const sealed = other.seal('secret', 'one');
    expect(() => cipher.open(sealed, 'one')).toThrow(SealedUnderAnotherKeyError);
    expect(() => cipher.open(sealed, 'one')).toThrow(
      `master key ${other.keyId}, not the current key ${cipher.keyId}`,
    );
  });
});
