import { randomBytes } from 'node:crypto';

/** Every key Edgerunner generates starts so, which makes a leaked one easy to recognise. */
const GENERATED_KEY_MARK = 'er_';
/** Characters of the random part GET /keys shows: 24 of its 256 bits, enough to tell keys apart. */
const SHOWN_CHARACTERS = 4;

/** A new key: `er_` and 32 random bytes in base64url. */
export function generateApiKey(): string {
  return `${GENERATED_KEY_MARK}${randomBytes(32).toString('base64url')}`;
}

/** What GET /keys shows of a generated key: `er_` and the first four characters of its random part. */
export function generatedKeyPrefix(key: string): string {
  return key.slice(0, GENERATED_KEY_MARK.length + SHOWN_CHARACTERS);
}
