import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../common/startup-error.js';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE, type DataDirLock } from './data-dir-lock.js';
import { currentOwner, ownerOf, type LockOwner } from './lock-owner.js';

/** A process that runs until killed, to hold a lock file as another live process. */
function startSleeper(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

/**
 * A killed process its parent never reaped: `sh` starts a child, then becomes `sleep`, which never waits
 * for it. Resolves with the zombie's PID once the kernel shows it as one.
 */
async function startZombie(): Promise<{ parent: ChildProcess; pid: number }> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const pid = await new Promise<number>((resolve) =>
    parent.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk))),
  );
  while (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z')
    await new Promise((resolve) => setTimeout(resolve, 10));
  return { parent, pid };
}

/** The PID of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

describe('acquireDataDirLock', () => {
  let root: string;
  let dataDir: string;
  let lock: DataDirLock | undefined;
  let sleeper: ChildProcess | undefined;
  const lockFile = () => join(dataDir, LOCK_FILE);
  const writeLock = (owner: Partial<LockOwner>) => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(lockFile(), JSON.stringify({ ...currentOwner(), ...owner }));
  };
  const recorded = () => JSON.parse(readFileSync(lockFile(), 'utf8')) as LockOwner;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'edgerunner-lock-'));
    dataDir = join(root, 'data');
  });
  afterEach(async () => {
    lock?.release();
    lock = undefined;
    sleeper?.kill('SIGKILL');
    sleeper = undefined;
    await rm(root, { recursive: true, force: true });
  });

  it('creates the data dir and records this process in the lock file', () => {
    lock = acquireDataDirLock(dataDir);
    expect(recorded()).toEqual(
      expect.objectContaining({ pid: process.pid, hostname: currentOwner().hostname }),
    );
  });

  it('refuses a second holder while the first holds it, naming the dir and the PID', () => {
    lock = acquireDataDirLock(dataDir);
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirInUseError);
    expect(() => acquireDataDirLock(dataDir)).toThrow(
      new RegExp(`data dir ${dataDir} is in use by this Edgerunner process, PID ${process.pid}`),
    );
  });

  it('refuses while another running process holds it', async () => {
    sleeper = await startSleeper();
    const pid = sleeper.pid ?? 0;
    writeLock(ownerOf(pid));
    expect(() => acquireDataDirLock(dataDir)).toThrow(
      new RegExp(`data dir ${dataDir} is in use by another Edgerunner process, PID ${pid} `),
    );
    expect(recorded().pid).toBe(pid);
  });

  it('is free again once released, and the lock file is gone', () => {
    acquireDataDirLock(dataDir).release();
    expect(existsSync(lockFile())).toBe(false);
    lock = acquireDataDirLock(dataDir);
    expect(recorded().pid).toBe(process.pid);
  });

  it('takes over a lock left by a process that no longer runs (killed with SIGKILL)', async () => {
    const pid = await deadPid();
    writeLock({ pid, startTicks: undefined });
    lock = acquireDataDirLock(dataDir);
    expect(recorded().pid).toBe(process.pid);
  });

  it('takes over a lock of a killed process its parent has not reaped yet (a zombie)', async () => {
    const zombie = await startZombie();
    sleeper = zombie.parent;
    writeLock(ownerOf(zombie.pid));
    lock = acquireDataDirLock(dataDir);
    expect(recorded().pid).toBe(process.pid);
  });

  it('takes over a lock whose PID now belongs to another process (a reused PID)', async () => {
    sleeper = await startSleeper();
    writeLock({ ...ownerOf(sleeper.pid ?? 0), startTicks: '1' });
    lock = acquireDataDirLock(dataDir);
    expect(recorded().pid).toBe(process.pid);
  });

  it('takes over a lock from an earlier boot of the machine', async () => {
    sleeper = await startSleeper();
    writeLock({ ...ownerOf(sleeper.pid ?? 0), bootId: 'an-earlier-boot' });
    lock = acquireDataDirLock(dataDir);
    expect(recorded().pid).toBe(process.pid);
  });

  it('takes over a lock an earlier app of this process left behind without releasing it', () => {
    writeLock({});
    lock = acquireDataDirLock(dataDir);
    expect(recorded().pid).toBe(process.pid);
  });

  it('cannot tell whether a holder on another host runs, so refuses and says which file to delete', () => {
    writeLock({ hostname: 'another-host', pid: 4242 });
    expect(() => acquireDataDirLock(dataDir)).toThrow(
      new RegExp(`PID 4242 on another-host .*delete ${lockFile()}`),
    );
  });

  it('waits for a lock file still empty, as its creator writes it, but takes over an old empty one', () => {
    writeLock({});
    writeFileSync(lockFile(), '');
    expect(() => acquireDataDirLock(dataDir)).toThrow(/being locked by another process right now/);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), aMinuteAgo, aMinuteAgo);
    lock = acquireDataDirLock(dataDir);
    expect(recorded().pid).toBe(process.pid);
  });

  it('never releases a lock another process took over meanwhile', () => {
    const first = acquireDataDirLock(dataDir);
    writeLock({ pid: 4242, hostname: 'another-host' });
    first.release();
    expect(recorded().pid).toBe(4242);
  });

  it.each([
    ['under /proc, where Node’s recursive mkdir would spin forever', '/proc/self/nope', /ENOENT/],
    ['under a regular file', 'file/data', /ENOTDIR/],
  ])('says why a data dir %s cannot be used', (_case, path, reason) => {
    writeFileSync(join(root, 'file'), '');
    const target = path.startsWith('/') ? path : join(root, path);
    const attempt = () => acquireDataDirLock(target);
    expect(attempt).toThrow(StartupError);
    expect(attempt).toThrow(new RegExp(`^the data dir ${target} cannot be used: .*${reason.source}`));
  });
});
