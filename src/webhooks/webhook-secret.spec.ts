import { createHash } from 'node:crypto';
import { generateWebhookSecret, hashWebhookSecret, webhookSecretMatches } from './webhook-secret.js';

describe('webhook secrets', () => {
  it('are whs_ and 32 random bytes in base64url, never the same twice', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whs_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(4), 'base64url')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('are stored as their SHA-256, which does not give the secret away', () => {
    const secret = generateWebhookSecret();
    expect(hashWebhookSecret(secret)).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hashWebhookSecret(secret)).not.toContain(secret.slice(4, 12));
  });

  it('match only the secret that was hashed', () => {
    const secret = generateWebhookSecret();
    const stored = hashWebhookSecret(secret);
    expect(webhookSecretMatches(secret, stored)).toBe(true);
    const otherLast = secret.endsWith('A') ? 'B' : 'A';
    expect(webhookSecretMatches(`${secret.slice(0, -1)}${otherLast}`, stored)).toBe(false);
    expect(webhookSecretMatches(generateWebhookSecret(), stored)).toBe(false);
    expect(webhookSecretMatches('', stored)).toBe(false);
    expect(webhookSecretMatches(` ${secret}`, stored)).toBe(false);
  });

  it('refuse what is not a string, and a damaged stored hash, without throwing', () => {
    const secret = generateWebhookSecret();
    const stored = hashWebhookSecret(secret);
    for (const presented of [undefined, null, 42, [secret], { secret }]) {
      expect(webhookSecretMatches(presented, stored)).toBe(false);
    }
    expect(webhookSecretMatches(secret, stored.slice(0, 40))).toBe(false);
    expect(webhookSecretMatches(secret, '')).toBe(false);
  });
});
