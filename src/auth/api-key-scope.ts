export const API_KEY_SCOPES = ['read', 'trade', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** `admin` may do everything, `trade` may also read: a scope grants itself and those below it. */
const GRANTS: Record<ApiKeyScope, readonly ApiKeyScope[]> = {
  read: ['read'],
  trade: ['trade', 'read'],
  admin: ['admin', 'trade', 'read'],
};

export function scopesGrant(held: readonly ApiKeyScope[], required: ApiKeyScope): boolean {
  return held.some((scope) => GRANTS[scope].includes(required));
}
