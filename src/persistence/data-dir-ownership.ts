import { isAbsolute, relative, sep } from 'node:path';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

/**
 * The data dir, locked for this process by the first part of the app that keeps files there (the embedded
 * database, a paper account's journal), before it opens them. With a PostgreSQL server and no journal in
 * the data dir nothing claims it, so replicas may share one. Released at app close.
 */
export class DataDirOwnership {
  private lock: DataDirLock | undefined;

  constructor(readonly dataDir: string) {}

  /** Whether `path` lies inside the data dir (and so needs it claimed). */
  contains(path: string): boolean {
    const inside = relative(this.dataDir, path);
    return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
  }

  /** Locks the data dir unless this app holds it already; throws a StartupError naming why it cannot. */
  claim(): void {
    this.lock ??= acquireDataDirLock(this.dataDir);
  }

  release(): void {
    this.lock?.release();
    this.lock = undefined;
  }
}
