import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WORKER = fileURLToPath(new URL('../../dist/src/worker.js', import.meta.url));

/** What the worker logs once its BullMQ worker is connected and taking jobs. */
const READY = 'Taking backtest jobs from the queue';

export interface WorkerProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code, or the signal's name when a signal ended it. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
  /** Resolves once the process has ended (by itself or stopped). */
  readonly exited: Promise<number | string | null>;
}

/**
 * Runs the built backtest worker (`npm run build` makes dist/) with `env`, and resolves once it says it
 * takes jobs; rejects with its output when it exits first or says nothing within `timeoutMs`.
 */
export async function startWorkerProcess(
  env: Record<string, string>,
  timeoutMs = 45_000,
): Promise<WorkerProcess> {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run "npm run build" first (npm test does)`);
  let out = '';
  let err = '';
  const child = spawn(process.execPath, [WORKER], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal)),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the worker did not say it was ready within ${timeoutMs} ms:\n${out}\n${err}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes(READY)) return;
      clearTimeout(timer);
      resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited (${String(code)}) before it was ready:\n${out}\n${err}`));
    });
  });
  await ready;
  return {
    child,
    exited,
    stdout: () => out,
    stderr: () => err,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
