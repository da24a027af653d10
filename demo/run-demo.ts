/**
 * npm run demo: a Bybit V5 simulator and a TWS simulator on loopback, and Edgerunner with three accounts:
 * `paper` (the built-in paper broker), `bybit` (the real Bybit adapter, talking to its simulator over HTTP
 * and WebSocket) and `ibkr` (the real Interactive Brokers adapter, speaking the TWS API socket protocol to
 * its simulator), so a newcomer sees real adapters at work with no credentials. Ctrl-C stops all three.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BybitSimulator, SIMULATOR_API_KEY, SIMULATOR_API_SECRET, TwsSimulator } from '#simulators';
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
      ],
    },
    null,
    2,
  ),
);
process.stdout.write(
  `Bybit V5 simulator on ${restBaseUrl}; TWS simulator on 127.0.0.1:${twsPort}; demo config in ${configFile}\n`,
);

const app = await startServer({
  ...environment,
  EDGERUNNER_DATA_DIR: dataDir,
  EDGERUNNER_CONFIG: configFile,
});
process.stdout.write(
  `Edgerunner demo on ${await app.getUrl()}: accounts "paper", "bybit" and "ibkr" (try GET /accounts)\n`,
);

const stop = async (): Promise<void> => {
  await app.close();
  await simulator.stop();
  await tws.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
