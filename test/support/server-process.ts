import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));
/** `npm run demo`'s entry: the Bybit simulator and the app wired to it. */
export const DEMO = fileURLToPath(new URL('../../dist/demo/run-demo.js', import.meta.url));

/**
 * Ports handed out here come from a block of this Jest worker's own, below Linux's ephemeral range
 * (32768+), where the apps other suites start on port 0 land. A port the OS picked and released could be
 * given to another worker's app before this one's server binds it, and then the health check would be
 * answered by the wrong server.
 */
const BLOCK_START = 20_000 + (Number(process.env.JEST_WORKER_ID ?? '1') - 1) * 500;
let nextInBlock = 0;

/** A port free right now on 127.0.0.1, from this worker's block. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const port = BLOCK_START + (nextInBlock++ % 500);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${BLOCK_START}-${BLOCK_START + 499}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process wrote to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code, or the signal's name when a signal ended it. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

/**
 * A first start creates the embedded database (initdb and the migrations): about 10 s on the 2-core
 * machine when idle, several times that while the other suites hold both cores.
 */
export const SERVER_START_TIMEOUT_MS = 45_000;

/** Runs the built server (`npm run build` makes dist/) the way `npm start` does, with `env` added. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = SERVER_START_TIMEOUT_MS,
  entry = MAIN,
): Promise<ServerProcess> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm test does)`);
  const port = await freePort();
  let out = '';
  let err = '';
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  // 'close', not 'exit': by then stdout and stderr are read to their end, so a failed start's line is in.
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal)),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${timeoutMs} ms:\n${out}\n${err}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    url,
    stdout: () => out,
    stderr: () => err,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
