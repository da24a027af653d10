/**
 * Many socket.io-client subscribers in one process, as a desk of browser tabs would be: each subscribes to
 * the prices of every symbol and measures how long each quote took to reach it.
 */
import { io, type Socket } from 'socket.io-client';
import { LatencyHistogram } from './latency-histogram.js';
import type { ClientJob, FromClients, ToClients } from './ws-bench-messages.js';

const job = JSON.parse(process.argv[2] ?? '{}') as ClientJob;
const send = (message: FromClients): void => void process.send?.(message);
const histogram = new LatencyHistogram();
const sockets: Socket[] = [];
let measuring = false;
let received = 0;
let disconnects = 0;
let failed = 0;

interface PriceEvent {
  readonly data: { readonly ticker: { readonly time: string } | null };
}

function open(): Promise<void> {
  return new Promise((resolve) => {
    const socket = io(`${job.url}/ws/broker`, {
      auth: { token: job.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.on('prices', (event: PriceEvent) => {
      if (!measuring || !event.data.ticker) return;
      received += 1;
      histogram.add(Date.now() - Date.parse(event.data.ticker.time));
    });
    socket.on('disconnect', () => (disconnects += 1));
    socket.once('connect_error', () => {
      failed += 1;
      resolve();
    });
    socket.once('connect', () => {
      sockets.push(socket);
      if (job.kind === 'bare socket.io') {
        resolve();
        return;
      }
      void socket
        .timeout(30_000)
        .emitWithAck('subscribe', { channels: ['prices'], symbols: job.symbols })
        .then(
          () => resolve(),
          () => {
            failed += 1;
            resolve();
          },
        );
    });
  });
}

// Opened in batches: thousands of handshakes at once would time themselves out on two cores.
for (let opened = 0; opened < job.connections; opened += 100) {
  await Promise.all(Array.from({ length: Math.min(100, job.connections - opened) }, open));
}
send({ type: 'ready', connected: sockets.length, failed });

process.on('message', (message: ToClients) => {
  if (message.type === 'measure') {
    measuring = true;
    return;
  }
  measuring = false;
  send({ type: 'report', received, histogram: histogram.counts, disconnects });
  for (const socket of sockets) socket.close();
  setTimeout(() => process.exit(0), 200).unref();
});
