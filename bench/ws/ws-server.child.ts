/**
 * One server under test, in its own process so its CPU and memory are its own: the Edgerunner app with a
 * paper account whose prices the bench moves, or a bare socket.io server broadcasting the same events.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import type { PaperAdapter } from '#brokers';
import { AccountRegistry } from '../../src/broker/account-registry.js';
import { BENCH_API_KEY, startBenchApp } from '../support/edgerunner-app.js';
import type { FromServer, ServerKind, TickPlan, ToServer } from './ws-bench-messages.js';

const SYMBOLS = [
  'BTCUSDT',
  'ETHUSDT',
  'SOLUSDT',
  'XRPUSDT',
  'ADAUSDT',
  'DOGEUSDT',
  'AVAXUSDT',
  'DOTUSDT',
  'LINKUSDT',
  'LTCUSDT',
];
const kind = process.argv[2] as ServerKind;
const send = (message: FromServer): void => void process.send?.(message);

interface Target {
  readonly url: string;
  /** Moves one symbol's price as the feed would. */
  quote(symbol: string, bid: string, ask: string): void;
  close(): Promise<void>;
}

async function edgerunner(): Promise<Target> {
  const instruments = SYMBOLS.map((symbol, index) => ({
    symbol,
    tickSize: '0.01',
    lotSize: '0.001',
    minQuantity: '0.001',
    startPrice: String(100 + index),
    depth: '100',
  }));
  const bench = await startBenchApp({
    config: {
      accounts: [
        { name: 'paper', broker: 'paper', paper: { tickIntervalMs: 0, historyMinutes: 1, instruments } },
      ],
      // Every quote through: the bench measures the fan-out, not the coalescing.
      stream: { pricesMaxHz: 1000 },
      sync: { pollIntervalMs: 60_000 },
    },
  });
  const paper = bench.app.get(AccountRegistry).resolve('paper') as PaperAdapter;
  return {
    url: bench.url,
    quote: (symbol, bid, ask) => paper.setQuote(symbol, bid, ask),
    close: () => bench.close(),
  };
}

/** The reference: the same event shape, one room per symbol, as little else as socket.io allows. */
async function bare(): Promise<Target> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  const namespace = io.of('/ws/broker');
  const seqs = new Map<string, number>();
  namespace.on('connection', (socket) => {
    for (const symbol of SYMBOLS) void socket.join(`prices|paper|${symbol}`);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    quote: (symbol, bid, ask) => {
      const seq = (seqs.get(symbol) ?? 0) + 1;
      seqs.set(symbol, seq);
      const time = new Date().toISOString();
      const ticker = { symbol, bid, ask, last: bid, bidSize: '100', askSize: '100', time };
      namespace.to(`prices|paper|${symbol}`).emit('prices', {
        channel: 'prices',
        account: 'paper',
        type: 'delta',
        seq,
        epoch: 'bare',
        ts: time,
        data: { symbol, ticker },
      });
    },
    close: () => new Promise((resolve) => void io.close(() => resolve())),
  };
}

function tick(target: Target, plan: TickPlan): Promise<number> {
  return new Promise((resolve) => {
    let ticks = 0;
    let step = 0;
    const started = Date.now();
    const timer = setInterval(() => {
      step += 1;
      for (const [index, symbol] of plan.symbols.entries()) {
        const bid = (100 + index + (step % 100) / 100).toFixed(2);
        target.quote(symbol, bid, (Number(bid) + 0.01).toFixed(2));
        ticks += 1;
      }
      if (Date.now() - started >= plan.seconds * 1000) {
        clearInterval(timer);
        resolve(ticks);
      }
    }, 1000 / plan.hz);
  });
}

const target = kind === 'edgerunner' ? await edgerunner() : await bare();
process.on('message', (message: ToServer) => {
  if (message.type === 'stop') {
    void target.close().then(() => process.exit(0));
    return;
  }
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  void tick(target, message.plan).then((ticks) => {
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const wallUs = (performance.now() - wallBefore) * 1000;
    send({ type: 'done', ticks, cpuCores: (cpu.user + cpu.system) / wallUs, peakRssMb: peakRss / 2 ** 20 });
  });
});
send({ type: 'ready', url: target.url, token: BENCH_API_KEY, symbols: SYMBOLS });
