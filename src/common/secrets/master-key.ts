import type { ServerConfig } from '../../config/configuration.js';
import { MIN_MASTER_KEY_LENGTH } from '../../config/read-master-key.js';
import { readOrCreateSecretFile } from './data-dir-secret-file.js';

/** The data directory's master key file, created at the first start when no master key is configured. */
export const MASTER_KEY_FILE = 'master.key';

export interface MasterKey {
  readonly key: string;
  /** Where it comes from, for messages: a variable's name or a path, never the key. */
  readonly source: string;
  /** The data dir's key file was written by this start. */
  readonly created: boolean;
  /** The key file's permission bits when group or others may read it. */
  readonly exposedMode: string | undefined;
}

/** The configured master key, or else the data directory's key file (generated with mode 0600). */
export async function readMasterKeyOrFile(
  server: Pick<ServerConfig, 'masterKey' | 'dataDir'>,
): Promise<MasterKey> {
  if (server.masterKey !== undefined)
    return { key: server.masterKey, source: 'EDGERUNNER_MASTER_KEY', created: false, exposedMode: undefined };
  const file = await readOrCreateSecretFile(server.dataDir, {
    fileName: MASTER_KEY_FILE,
    purpose: 'the master key',
    minLength: MIN_MASTER_KEY_LENGTH,
    withoutIt: 'the broker credentials stored over the API cannot be decrypted without it',
  });
  return { key: file.secret, source: file.path, created: file.created, exposedMode: file.exposedMode };
}
