import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const SALT = 'edgerunner';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Sealed under another master key: which one, by its id, so the operator can find it. */
export class SealedUnderAnotherKeyError extends Error {
  constructor(
    readonly sealedKeyId: string,
    readonly currentKeyId: string,
  ) {
    super(`sealed under master key ${sealedKeyId}, not the current key ${currentKeyId}`);
  }
}

/** Not what this app sealed, or altered since: GCM's tag does not verify. */
export class SealedSecretDamagedError extends Error {}

function derive(masterKey: string, purpose: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, SALT, purpose, bytes));
}

/**
 * AES-256-GCM under a key derived (HKDF-SHA256) from the master key, so an operator's key of any form
 * (`openssl rand -base64 32`) makes a full-strength key. A sealed value is `v1.<key id>.<iv>.<tag>.<data>`:
 * the key id (also derived, revealing nothing) tells which master key sealed it, and the context (the
 * account's name) is authenticated with it, so a value moved to another row does not open.
 */
export class CredentialCipher {
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(masterKey: string) {
    this.key = derive(masterKey, 'broker credentials', 32);
    this.keyId = derive(masterKey, 'master key id', 6).toString('hex');
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.keyId, iv, cipher.getAuthTag(), data]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context: string): string {
    const [format, keyId, iv, tag, data, ...rest] = sealed.split('.');
    if (format !== FORMAT || !keyId || !iv || !tag || data === undefined || rest.length > 0)
      throw new SealedSecretDamagedError('not a sealed value of this app');
    if (keyId !== this.keyId) throw new SealedUnderAnotherKeyError(keyId, this.keyId);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SealedSecretDamagedError(
        'the sealed value does not verify: altered, or sealed for another row',
      );
    }
  }
}
