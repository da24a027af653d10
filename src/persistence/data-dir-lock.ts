import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../common/startup-error.js';
import { ensureDirectory } from './ensure-directory.js';
import { currentOwner, mayBeRunning, type LockOwner } from './lock-owner.js';

export const LOCK_FILE = 'edgerunner.lock';
/** A lock file still empty this young is being written by the process that just created it. */
const EMPTY_LOCK_GRACE_MS = 5_000;
const TAKEOVER_ATTEMPTS = 3;

/** Lock files this process holds: another app in the same process must not share the directory either. */
const heldHere = new Set<string>();

function describeOwner(dataDir: string, owner: LockOwner | undefined): string {
  if (owner === undefined) return `the data dir ${dataDir} is being locked by another process right now`;
  const who = owner.pid === process.pid ? 'this' : 'another';
  const elsewhere = owner.hostname !== currentOwner().hostname;
  return (
    `the data dir ${dataDir} is in use by ${who} Edgerunner process, PID ${owner.pid}` +
    `${elsewhere ? ` on ${owner.hostname}` : ''} (since ${owner.since}): stop it, or give this one its own ` +
    `EDGERUNNER_DATA_DIR${elsewhere ? `; if it no longer runs there, delete ${join(dataDir, LOCK_FILE)}` : ''}`
  );
}

/** Another running process holds the data dir. */
export class DataDirInUseError extends StartupError {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(describeOwner(dataDir, owner));
  }
}

/** The data dir, held by this process until `release()` (or its exit). */
export interface DataDirLock {
  readonly dataDir: string;
  release(): void;
}

function readLock(path: string): { text: string; owner: LockOwner | undefined } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    try {
      return { text, owner: JSON.parse(text) as LockOwner };
    } catch {
      return { text, owner: undefined };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(path: string, owner: LockOwner | undefined): boolean {
  if (owner === undefined) return Date.now() - statSync(path).mtimeMs > EMPTY_LOCK_GRACE_MS;
  const self = currentOwner();
  if (owner.pid === self.pid && owner.hostname === self.hostname && owner.startTicks === self.startTicks)
    return !heldHere.has(path);
  return !mayBeRunning(owner);
}

/** Creates the lock file only if there is none (O_EXCL): of two processes, exactly one succeeds. */
function tryCreate(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock aside and deletes it, unless another process replaced it meanwhile (then it is put
 * back): two processes that both found it stale cannot delete each other's fresh lock.
 */
function removeStale(path: string, staleText: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readFileSync(aside, 'utf8') === staleText) unlinkSync(aside);
  else renameSync(aside, path);
}

function cannotUse(dataDir: string, error: unknown): StartupError {
  return new StartupError(`the data dir ${dataDir} cannot be used: ${(error as Error).message}`, {
    cause: error,
  });
}

/**
 * Takes the data dir for this process, creating it if needed: the embedded database and the paper
 * journals in it belong to one process. A lock left by a process that no longer runs (killed, crashed,
 * a reboot, a reused PID) is taken over; one held by a running process is a DataDirInUseError naming it.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const text = `${JSON.stringify(currentOwner())}\n`;
  try {
    ensureDirectory(dataDir);
    for (let attempt = 1; !tryCreate(path, text); attempt += 1) {
      const existing = readLock(path);
      // Gone since the create failed: its owner released it; try again.
      if (existing === undefined) continue;
      if (attempt >= TAKEOVER_ATTEMPTS || !isStale(path, existing.owner))
        throw new DataDirInUseError(dataDir, existing.owner);
      removeStale(path, existing.text);
    }
  } catch (error) {
    throw error instanceof StartupError ? error : cannotUse(dataDir, error);
  }
  heldHere.add(path);
  const release = (): void => {
    process.off('exit', release);
    if (!heldHere.delete(path)) return;
    // Only our own lock: never one another process took over after a stale check went wrong.
    if (readLock(path)?.text === text) unlinkSync(path);
  };
  // An exit without app.close() (a failed start) leaves no lock behind; a kill does, and that one is stale.
  process.on('exit', release);
  return { dataDir, release };
}
