import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CredentialCipher } from '../../common/secrets/credential-cipher.js';
import { MASTER_KEY_FILE, readMasterKeyOrFile } from '../../common/secrets/master-key.js';
import { ConfigurationError } from '../../config/configuration-error.js';
import type { ServerConfig } from '../../config/configuration.js';
import type { Database } from '../../persistence/database.js';
import { DrizzleStoredAccountRepository } from './drizzle-stored-account.repository.js';

/** The next key file, written before the rows are re-sealed: a run cut short finds it and finishes. */
const NEXT_KEY_FILE = `${MASTER_KEY_FILE}.next`;

export interface RotationResult {
  readonly resealed: number;
  readonly fromKeyId: string;
  readonly toKeyId: string;
  /** Where the new key now is: the data dir's key file, or the variable the operator must now set. */
  readonly keyNowIn: string;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Re-seals every stored broker credential under a new master key, in one transaction. With the key in
 * EDGERUNNER_MASTER_KEY the new one comes from EDGERUNNER_NEW_MASTER_KEY, and the operator swaps the
 * variables after; with the data dir's key file a new key is generated and replaces the file. The old key
 * opens what is stored; a row already sealed under the new key is left, so a run cut short can run again.
 */
export async function rotateMasterKey(
  db: Database,
  server: Pick<ServerConfig, 'masterKey' | 'dataDir'>,
  newKey: string | undefined,
): Promise<RotationResult> {
  const current = await readMasterKeyOrFile(server);
  const usesKeyFile = server.masterKey === undefined;
  const nextPath = join(server.dataDir, NEXT_KEY_FILE);
  let next = newKey;
  if (usesKeyFile) {
    if (newKey !== undefined)
      throw new ConfigurationError(
        'EDGERUNNER_NEW_MASTER_KEY is set but the master key is the data dir key file: a new one is generated',
      );
    next = await readIfPresent(nextPath);
    if (next === undefined) {
      next = randomBytes(32).toString('base64url');
      await writeFile(nextPath, `${next}\n`, { mode: 0o600, flag: 'wx' });
    }
  }
  if (next === undefined)
    throw new ConfigurationError('EDGERUNNER_NEW_MASTER_KEY is required: the key to re-encrypt under');
  const from = new CredentialCipher(current.key);
  const to = new CredentialCipher(next);
  if (from.keyId === to.keyId)
    throw new ConfigurationError('EDGERUNNER_NEW_MASTER_KEY is the current master key: choose a new one');
  const resealed = await DrizzleStoredAccountRepository.reseal(db, from, to);
  if (usesKeyFile) {
    await rename(nextPath, current.source);
  }
  return {
    resealed,
    fromKeyId: from.keyId,
    toKeyId: to.keyId,
    keyNowIn: usesKeyFile ? current.source : 'EDGERUNNER_NEW_MASTER_KEY',
  };
}
