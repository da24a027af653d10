import { ValidationFailedError } from '../common/errors/app-error.js';
import type { StoredAccount } from '../broker/stored-accounts/stored-account.js';

export type WrittenAccount = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as an account written like one of the config file's, or a 400 saying what it must be. */
export function asWrittenAccount(body: unknown): WrittenAccount {
  if (!isPlainObject(body))
    throw new ValidationFailedError('the body must be an account: { name, broker, <broker>: { options } }');
  return body;
}

/** What is stored of a checked account: its name, broker, its broker's options, and the rest as settings. */
export function toStoredAccount(
  written: WrittenAccount,
  times: { readonly createdAt: Date; readonly updatedAt: Date },
): StoredAccount {
  const { name, broker, ...rest } = written as { name: string; broker: string } & Record<string, unknown>;
  const { [broker]: options, ...settings } = rest;
  return { name, broker, settings, options: isPlainObject(options) ? options : {}, ...times };
}

/** `patch` over `base`, field by field: a field set to null is removed, so it takes its default. */
function merged(
  base: Readonly<Record<string, unknown>>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete result[field];
    else result[field] = value;
  }
  return result;
}

/**
 * The stored account with `patch` applied, as written: top-level settings replaced, the broker's options
 * merged field by field (a new `apiSecret` alone keeps the key), null removing a field. The name and the
 * broker stay: another broker is another account.
 */
export function patchedAccount(stored: StoredAccount, patch: WrittenAccount): WrittenAccount {
  for (const field of ['name', 'broker'] as const) {
    if (patch[field] !== undefined && patch[field] !== stored[field])
      throw new ValidationFailedError(
        `${field} cannot be changed (it is "${stored[field]}"): remove the account and add it anew`,
      );
  }
  const { name: _name, broker: _broker, [stored.broker]: options, ...settings } = patch;
  if (options !== undefined && !isPlainObject(options))
    throw new ValidationFailedError(`${stored.broker}: ${stored.broker} options must be an object`);
  return {
    ...merged(stored.settings, settings),
    name: stored.name,
    broker: stored.broker,
    [stored.broker]: merged(stored.options, options ?? {}),
  };
}
