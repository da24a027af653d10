/**
 * npm run demo: a Bybit V5 simulator, a TWS simulator and an MT5 terminal simulator on loopback, and
 * Edgerunner with four accounts: `paper` (the built-in paper broker), `bybit` (the real Bybit adapter, talking
 * to its simulator over HTTP and WebSocket), `ibkr` (the real Interactive Brokers adapter, speaking the TWS
 * API socket protocol to its simulator) and `mt5` (the real MT5 adapter, listening for the bridge EA, which
 * the terminal simulator plays, dialling in), so a newcomer sees real adapters at work with no credentials.
 * Ctrl-C stops them all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import {
  BybitSimulator,
  defaultMt5Symbols,
  Mt5TerminalSimulator,
  openAllWeek,
  SIMULATOR_API_KEY,
  SIMULATOR_API_SECRET,
  TwsSimulator,
} from '#simulators';
import { readEnvironment } from '../src/config/read-environment.js';
import { startServer } from '../src/start-server.js';

const environment = readEnvironment();
const dataDir = resolve(environment.EDGERUNNER_DATA_DIR ?? './data/demo');
await mkdir(dataDir, { recursive: true });

// Prices move once a second, as a live market would; keys are the simulator's own, not secrets.
const simulator = new BybitSimulator({ tickIntervalMs: 1000 });
const restBaseUrl = await simulator.start();
const tws = new TwsSimulator({ tickIntervalMs: 1000 });
const twsPort = await tws.start();
// Its market never closes, so the demo can be tried on a Saturday too.
const terminal = new Mt5TerminalSimulator({
  tickIntervalMs: 1000,
  symbols: openAllWeek(defaultMt5Symbols()),
});
const mt5Port = await freeLoopbackPort();
// The simulator's own token, not a secret: a real account's comes from tokenEnv.
const mt5Token = 'demo-terminal-simulator-token';
const configFile = join(dataDir, 'edgerunner.demo.json');
await writeFile(
  configFile,
  JSON.stringify(
    {
      accounts: [
        { name: 'paper', broker: 'paper' },
        {
          name: 'bybit',
          broker: 'bybit',
          bybit: {
            apiKey: SIMULATOR_API_KEY,
            apiSecret: SIMULATOR_API_SECRET,
            restBaseUrl,
            wsPrivateUrl: simulator.wsUrl('private'),
            wsPublicUrl: simulator.wsUrl('linear'),
            symbols: ['BTCUSDT', 'ETHUSDT'],
          },
        },
        // The simulator's paper account and contracts are the adapter's defaults: only the port differs.
        { name: 'ibkr', broker: 'ibkr', ibkr: { host: '127.0.0.1', port: twsPort, clientId: 1 } },
        { name: 'mt5', broker: 'mt5', mt5: { host: '127.0.0.1', port: mt5Port, token: mt5Token } },
      ],
    },
    null,
    2,
  ),
);
process.stdout.write(
  `Bybit V5 simulator on ${restBaseUrl}; TWS simulator on 127.0.0.1:${twsPort}; MT5 bridge on 127.0.0.1:${mt5Port}; demo config in ${configFile}\n`,
);

// The terminal dials in while Edgerunner starts, as an EA left running in MT5 would.
const dialled = terminal.connectWhenListening({ host: '127.0.0.1', port: mt5Port, token: mt5Token }, 30_000);

const app = await startServer({
  ...environment,
  EDGERUNNER_DATA_DIR: dataDir,
  EDGERUNNER_CONFIG: configFile,
});
await dialled;
process.stdout.write(
  `Edgerunner demo on ${await app.getUrl()}: accounts "paper", "bybit", "ibkr" and "mt5" (try GET /accounts)\n`,
);

const stop = async (): Promise<void> => {
  await app.close();
  await simulator.stop();
  await tws.stop();
  await terminal.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

/** A port free on loopback right now, for the MT5 account to listen on and the terminal to dial. */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
