import { pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/**
 * The schemes a row's hash may be stored under. Spelled here rather than imported from auth, so the schema
 * depends on no feature; the API key store's reads and writes fail to compile if auth's type drifts from it.
 */
type StoredHashScheme = 'sha256' | 'hmac-sha256';

/** API keys: a keyed hash of each secret (HMAC-SHA256 with the server's pepper), never the secret. */
export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scopes: text('scopes').array().notNull(),
  hash: text('hash').notNull().unique(),
  /** Rows written before the pepper hold a bare SHA-256 (the default); each is rehashed on its first use. */
  hashScheme: text('hash_scheme').$type<StoredHashScheme>().notNull().default('sha256'),
  /** `er_` and four characters of a key Edgerunner generated; null for a key someone chose. */
  prefix: text('prefix'),
  createdAt: instant('created_at').notNull(),
  revokedAt: instant('revoked_at'),
});

/**
 * One row: a fingerprint of the pepper the keys are hashed with (an HMAC of a fixed label, which does
 * not reveal the pepper), so a replica given another pepper refuses to start instead of failing every key.
 */
export const apiKeyPepper = pgTable('api_key_pepper', {
  id: text('id').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: instant('created_at').notNull(),
});
