import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '../../config/configuration-error.js';
import { StartupError } from '../startup-error.js';

/** A secret the app generates into its data directory when the operator configures none. */
export interface SecretFileSpec {
  /** The file's name in the data directory. */
  readonly fileName: string;
  /** What the secret is, for messages: `the API key pepper`. */
  readonly purpose: string;
  readonly minLength: number;
  /** What is lost without the file, for the message refusing a damaged one. */
  readonly withoutIt: string;
}

export interface SecretFile {
  readonly path: string;
  readonly secret: string;
  /** This start wrote the file. */
  readonly created: boolean;
  /** Group or others may read it: the permission bits, to name in a warning. */
  readonly exposedMode: string | undefined;
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException).code === code;
}

async function read(path: string, spec: SecretFileSpec, created: boolean): Promise<SecretFile> {
  const secret = (await readFile(path, 'utf8')).trim();
  if (secret.length < spec.minLength)
    throw new ConfigurationError(
      `${path}: ${spec.purpose} is shorter than ${spec.minLength} characters; ` +
        `restore the file from a backup (${spec.withoutIt})`,
    );
  const mode = (await stat(path)).mode & 0o777;
  return { path, secret, created, exposedMode: mode & 0o077 ? mode.toString(8).padStart(4, '0') : undefined };
}

/**
 * Writes a fresh secret to a private temporary file, then links it into place: linking fails when the
 * file already exists, so two processes starting at once agree on one secret and neither reads a
 * half-written file.
 */
async function create(dataDir: string, path: string): Promise<boolean> {
  await mkdir(dataDir, { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Reads the data directory's secret file, generating it (32 random bytes, mode 0600) when there is none yet. */
export async function readOrCreateSecretFile(dataDir: string, spec: SecretFileSpec): Promise<SecretFile> {
  const path = join(dataDir, spec.fileName);
  try {
    try {
      return await read(path, spec, false);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
    return await read(path, spec, await create(dataDir, path));
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    // EACCES, a read-only data dir…: one line naming the file, as a failed start prints it.
    throw new StartupError(`${spec.purpose} ${path} cannot be read or written: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
