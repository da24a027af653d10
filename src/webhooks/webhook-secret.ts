import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every webhook secret starts so, which makes a leaked one easy to recognise (and tell from an API key). */
const WEBHOOK_SECRET_MARK = 'whs_';

/** A new secret: `whs_` and 32 random bytes in base64url. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_MARK}${randomBytes(32).toString('base64url')}`;
}

/**
 * The stored form of a secret: its SHA-256, in hex. Unlike an API key, which a person may choose and so
 * is hashed with the server's pepper, a webhook secret is always 256 random bits: no guess can be tested
 * against its hash, and it stays verifiable even if the pepper file is lost.
 */
export function hashWebhookSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether `presented` is the secret whose hash is `storedHash`, in time that does not depend on how much of
 * it is right: both sides are 32-byte digests, compared with `timingSafeEqual`. Anything but a string is
 * never the secret.
 */
export function webhookSecretMatches(presented: unknown, storedHash: string): boolean {
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(presented, 'utf8').digest();
  // Equal for every well-formed row; a damaged hash must refuse rather than make timingSafeEqual throw.
  if (expected.length !== actual.length) return false;
  return timingSafeEqual(expected, actual);
}
