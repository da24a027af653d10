import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * Creates `path` and its missing parents, or throws the reason it cannot. Not `mkdir({ recursive: true })`:
 * Node's recursive mkdir never returns where a parent exists but refuses children with ENOENT (/proc,
 * /sys, a dangling symlink): it makes the parent again (EEXIST), retries the child (ENOENT), forever, at
 * 100 % CPU, blocking the event loop in mkdirSync and never settling in the promise version.
 */
export function ensureDirectory(path: string): void {
  const absolute = resolve(path);
  try {
    if (statSync(absolute).isDirectory()) return;
    throw Object.assign(new Error(`ENOTDIR: not a directory, ${absolute}`), { code: 'ENOTDIR' });
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  const parent = dirname(absolute);
  if (parent !== absolute) ensureDirectory(parent);
  try {
    mkdirSync(absolute);
  } catch (error) {
    // Made by someone else meanwhile: fine if it is a directory.
    if (errorCode(error) !== 'EEXIST' || !statSync(absolute).isDirectory()) throw error;
  }
}
