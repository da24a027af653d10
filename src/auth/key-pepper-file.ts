import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../common/startup-error.js';
import { ConfigurationError } from '../config/configuration-error.js';
import { MIN_KEY_PEPPER_LENGTH } from '../config/read-key-pepper.js';

/** The data directory's pepper file, created at the first start when no pepper is configured. */
export const KEY_PEPPER_FILE = 'api-key.pepper';

export interface PepperFile {
  readonly path: string;
  readonly pepper: string;
  /** This start wrote the file. */
  readonly created: boolean;
  /** Group or others may read it: the permission bits, to name in a warning. */
  readonly exposedMode: string | undefined;
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException).code === code;
}

async function read(path: string, created: boolean): Promise<PepperFile> {
  const pepper = (await readFile(path, 'utf8')).trim();
  if (pepper.length < MIN_KEY_PEPPER_LENGTH)
    throw new ConfigurationError(
      `${path}: the API key pepper is shorter than ${MIN_KEY_PEPPER_LENGTH} characters; ` +
        'restore the file from a backup (stored keys cannot be verified without it)',
    );
  const mode = (await stat(path)).mode & 0o777;
  return { path, pepper, created, exposedMode: mode & 0o077 ? mode.toString(8).padStart(4, '0') : undefined };
}

/**
 * Writes a fresh pepper to a private temporary file, then links it into place: linking fails when the
 * file already exists, so two processes starting at once agree on one pepper and neither reads a
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

/** Reads the data directory's pepper file, generating it (mode 0600) when there is none yet. */
export async function readOrCreatePepperFile(dataDir: string): Promise<PepperFile> {
  const path = join(dataDir, KEY_PEPPER_FILE);
  try {
    try {
      return await read(path, false);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
    return await read(path, await create(dataDir, path));
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    // EACCES, a read-only data dir…: one line naming the file, as a failed start prints it.
    throw new StartupError(
      `the API key pepper ${path} cannot be read or written: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
