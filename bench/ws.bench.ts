/**
 * bench:ws — live price fan-out on /ws/broker. For each subscriber count, the Edgerunner app and a bare
 * socket.io server (same event shape, one room per symbol) each run in their own process, with the
 * subscribers in client processes; the bench moves 10 symbols at 20 Hz and reports delivery latency,
 * events/s, server CPU and RSS, each beside the bare server's figure from the same run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ratio, renderTable } from './support/text-table.js';
import { LatencyHistogram } from './ws/latency-histogram.js';
import type { FromClients, FromServer, ServerKind, TickPlan } from './ws/ws-bench-messages.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: process.env.BENCH_WS_CLIENTS ?? '1000,5000' },
    seconds: { type: 'string', default: process.env.BENCH_WS_SECONDS ?? '10' },
    processes: { type: 'string', default: process.env.BENCH_WS_PROCESSES ?? '2' },
  },
});
const counts = values.clients.split(',').map(Number);
const seconds = Number(values.seconds);
const processes = Number(values.processes);
const HZ = 20;

interface Row {
  readonly kind: ServerKind;
  readonly subscribers: number;
  readonly connected: number;
  readonly expected: number;
  /** Quotes the server managed to move each second (the plan is 200: 20 Hz × 10 symbols). */
  readonly quotesPerSecond: number;
  readonly received: number;
  readonly latency: LatencyHistogram;
  readonly cpuCores: number;
  readonly peakRssMb: number;
  readonly disconnects: number;
}

function next<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null): void =>
      reject(new Error(`child exited (${code}) before "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function run(kind: ServerKind, subscribers: number): Promise<Row> {
  const server = fork(join(here, 'ws/ws-server.child.js'), [kind], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await next<FromServer & { type: 'ready' }>(server, 'ready');
  const share = Math.ceil(subscribers / processes);
  const clients = Array.from({ length: processes }, (_, index) => {
    const connections = Math.max(0, Math.min(share, subscribers - index * share));
    const job = { kind, url: ready.url, token: ready.token, symbols: ready.symbols, connections };
    return fork(join(here, 'ws/ws-clients.child.js'), [JSON.stringify(job)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  });
  const readies = await Promise.all(
    clients.map((child) => next<FromClients & { type: 'ready' }>(child, 'ready')),
  );
  const connected = readies.reduce((sum, r) => sum + r.connected, 0);
  for (const child of clients) child.send({ type: 'measure' });
  const plan: TickPlan = { symbols: ready.symbols, hz: HZ, seconds };
  const done = next<FromServer & { type: 'done' }>(server, 'done');
  server.send({ type: 'start', plan });
  const figures = await done;
  // Let the last quotes arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const reports = await Promise.all(
    clients.map((child) => {
      const report = next<FromClients & { type: 'report' }>(child, 'report');
      child.send({ type: 'report' });
      return report;
    }),
  );
  server.send({ type: 'stop' });
  await new Promise((resolve) => server.once('exit', resolve));
  const latency = new LatencyHistogram();
  for (const report of reports) latency.merge(report.histogram);
  return {
    kind,
    subscribers,
    connected,
    expected: figures.ticks * connected,
    quotesPerSecond: figures.ticks / seconds,
    received: reports.reduce((sum, r) => sum + r.received, 0),
    latency,
    cpuCores: figures.cpuCores,
    peakRssMb: figures.peakRssMb,
    disconnects: reports.reduce((sum, r) => sum + r.disconnects, 0),
  };
}

function table(rows: readonly Row[]): string {
  const header = [
    'subscribers',
    'server',
    'connected',
    'quotes/s',
    'events/s',
    'delivered',
    'p50 ms',
    'p99 ms',
    'max ms',
    'CPU cores',
    'RSS MB',
    'events/s ×bare',
    'p99 ×bare',
    'CPU ×bare',
  ];
  const lines = rows.map((row) => {
    const bare = rows.find((r) => r.subscribers === row.subscribers && r.kind === 'bare socket.io');
    const own = row.kind === 'edgerunner' ? bare : undefined;
    const rate = row.received / seconds;
    return [
      String(row.subscribers),
      row.kind,
      String(row.connected),
      row.quotesPerSecond.toFixed(0),
      rate.toFixed(0),
      `${((100 * row.received) / Math.max(1, row.expected)).toFixed(1)} %`,
      String(row.latency.percentile(50)),
      String(row.latency.percentile(99)),
      String(row.latency.max()),
      row.cpuCores.toFixed(2),
      row.peakRssMb.toFixed(0),
      own ? ratio(rate, own.received / seconds) : '',
      own ? ratio(row.latency.percentile(99), own.latency.percentile(99)) : '',
      own ? ratio(row.cpuCores, own.cpuCores) : '',
    ];
  });
  return renderTable(header, lines, 2);
}

process.stdout.write(
  `bench:ws — node ${process.version}, ${cpus().length} cores; ${HZ} Hz × 10 symbols for ${seconds} s per run; ` +
    `subscribers in ${processes} client processes, each server in its own process\n`,
);
const rows: Row[] = [];
for (const subscribers of counts) {
  // The reference first, then Edgerunner: the same machine state for both within a subscriber count.
  for (const kind of ['bare socket.io', 'edgerunner'] as const) {
    const row = await run(kind, subscribers);
    rows.push(row);
    process.stdout.write(
      `  ${subscribers} × ${kind}: ${row.connected} connected, ${row.received} quotes delivered\n`,
    );
  }
}
process.stdout.write(`\n${table(rows)}\n\n`);
process.stdout.write(
  'delivered: quotes received over quotes sent × subscribers connected.\n' +
    "latency: from the quote's time (set when the price moved) to its arrival at the subscriber, in whole ms.\n" +
    'CPU cores: server process CPU time over wall time during the ticking (1.00 = one core busy).\n',
);
