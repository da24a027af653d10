import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Measured seconds per scenario and target, split into `rounds` runs that alternate between targets. */
  readonly durationSeconds: number;
  readonly rounds: number;
  /** Unmeasured seconds before each measured run (JIT, connection pools, caches). */
  readonly warmupSeconds: number;
  readonly connections: number;
}

const DEFAULTS: BenchOptions = { durationSeconds: 8, rounds: 4, warmupSeconds: 1, connections: 10 };

const USAGE =
  'usage: npm run bench:api -- [--duration <s>] [--rounds <n>] [--warmup <s>] [--connections <n>]\n' +
  '   or: BENCH_DURATION=<s> BENCH_ROUNDS=<n> BENCH_WARMUP=<s> BENCH_CONNECTIONS=<n> npm run bench:api\n' +
  '   duration: measured seconds per scenario and target (default 8), a multiple of rounds (default 4);\n' +
  '   warmup: unmeasured seconds per target before its rounds (default 1); connections: default 10';

/** Knobs from the command line, else the environment (BENCH_*), else the defaults above. */
export function readBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string', short: 'd' },
      rounds: { type: 'string', short: 'r' },
      warmup: { type: 'string', short: 'w' },
      connections: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const options = {
    durationSeconds: number('duration', values.duration ?? env.BENCH_DURATION, DEFAULTS.durationSeconds, 1),
    rounds: number('rounds', values.rounds ?? env.BENCH_ROUNDS, DEFAULTS.rounds, 1),
    warmupSeconds: number('warmup', values.warmup ?? env.BENCH_WARMUP, DEFAULTS.warmupSeconds, 0),
    connections: number('connections', values.connections ?? env.BENCH_CONNECTIONS, DEFAULTS.connections, 1),
  };
  // autocannon ends a run on its once-a-second sample, so each round is a whole number of seconds.
  if (options.durationSeconds % options.rounds !== 0)
    throw new Error(
      `duration (${options.durationSeconds}) must be a multiple of rounds (${options.rounds})\n${USAGE}`,
    );
  return options;
}

function number(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be an integer >= ${min}, got "${raw}"\n${USAGE}`);
  return value;
}
