import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a data dir lock: what the lock file records, enough to tell later whether it still runs. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** The kernel's id of this boot (Linux): a lock from an earlier boot is stale whatever its PID. */
  readonly bootId?: string;
  /** The owner's start time in clock ticks since boot (Linux): tells a reused PID from the owner. */
  readonly startTicks?: string;
  /** When the lock was taken, for the message that names the owner. */
  readonly since: string;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Fields 3 (state) and 22 (start time) of /proc/<pid>/stat; the command name before them may hold spaces. */
function statOf(pid: number): { state: string; startTicks: string } | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', startTicks: fields[19] ?? '' };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process its parent has not reaped yet (a zombie) still answers kill(pid, 0).
  const state = statOf(pid)?.state;
  return state !== 'Z' && state !== 'X';
}

/** The process `pid` of this host as a lock file taken now would record it. */
export function ownerOf(pid: number): LockOwner {
  return {
    pid,
    hostname: hostname(),
    bootId: readOptional('/proc/sys/kernel/random/boot_id'),
    startTicks: statOf(pid)?.startTicks,
    since: new Date().toISOString(),
  };
}

/** This process, as a lock file records it. */
export function currentOwner(): LockOwner {
  return ownerOf(process.pid);
}

/**
 * Whether `owner` may still be running. Only a process on this host can be checked: one on another host
 * (a shared volume) counts as running. On this host it is gone when the machine booted since, when no
 * process has its PID, or when the process with its PID started at another time (the PID was reused, as
 * in a container whose server is always PID 1).
 */
export function mayBeRunning(owner: LockOwner): boolean {
  const self = currentOwner();
  if (owner.hostname !== self.hostname) return true;
  if (owner.bootId !== undefined && self.bootId !== undefined && owner.bootId !== self.bootId) return false;
  if (!isRunning(owner.pid)) return false;
  const startTicks = statOf(owner.pid)?.startTicks;
  return owner.startTicks === undefined || startTicks === undefined || startTicks === owner.startTicks;
}
