/** Shorter secrets show no characters at all: four of twelve would give too much away. */
const MIN_LENGTH_FOR_HINT = 16;
const HINT_CHARACTERS = 4;

/** A secret's last four characters, to tell secrets apart; empty for a secret too short to spare them. */
export function secretHint(secret: string): string {
  return secret.length >= MIN_LENGTH_FOR_HINT ? secret.slice(-HINT_CHARACTERS) : '';
}

/** How a secret is shown wherever its value would be: `****x9Qz`. */
export function maskSecret(secret: string): string {
  return `****${secretHint(secret)}`;
}
