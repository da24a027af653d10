/** What a secret copied from an example looks like; production refuses it. */
const PLACEHOLDER_SECRET = /change[-_]?me|example|placeholder|your[-_]?key/i;

/** Whether `secret` looks like an example's placeholder (`change-me`, `your-key`) rather than a real secret. */
export function looksLikePlaceholder(secret: string): boolean {
  return PLACEHOLDER_SECRET.test(secret);
}
