import { EventName, IBApi } from '@stoqey/ib';
import { TwsSimulator } from '../tws-simulator.js';
import type { TwsSimulatorConfig } from '../tws-simulator-config.js';

/** One event the client emitted, with its arguments as the library passed them. */
export interface TwsClientEvent {
  readonly name: EventName;
  readonly args: readonly unknown[];
}

/**
 * A simulator and the unmodified @stoqey/ib client connected to it, recording every event the client
 * emits: what the simulator specs assert on. `decodeErrors` holds the client's 505s (a field too many or too
 * few in a message), which a correct simulator never causes.
 */
export interface TwsClientKit {
  readonly simulator: TwsSimulator;
  readonly api: IBApi;
  readonly events: TwsClientEvent[];
  readonly decodeErrors: string[];
  readonly nextValidId: number;
  /** Resolves with the first recorded event (from `from` on) that `predicate` accepts; rejects after 3 s. */
  waitFor(predicate: (event: TwsClientEvent) => boolean, from?: number): Promise<TwsClientEvent>;
  /** Resolves once the simulator received a request with this message id and answered it. */
  answered(messageId: string): Promise<void>;
  /** Connects a second client to the same simulator. */
  connectClient(clientId: number): Promise<{ api: IBApi; events: TwsClientEvent[] }>;
  close(): Promise<void>;
}

const RECORDED = Object.values(EventName).filter(
  (name) => name !== EventName.all && name !== EventName.received,
);

function record(api: IBApi, events: TwsClientEvent[], decodeErrors: string[]): void {
  for (const name of RECORDED) {
    // IBApi's typings overload `on` per event; every listener receives the decoded arguments.
    (api.on as (event: string, listener: (...args: unknown[]) => void) => IBApi)(
      name,
      (...args: unknown[]) => {
        events.push({ name, args });
        if (name === EventName.error && args[1] === 505)
          decodeErrors.push(String((args[0] as Error).message));
      },
    );
  }
}

async function connect(
  port: number,
  clientId: number,
  events: TwsClientEvent[],
  decodeErrors: string[],
): Promise<IBApi> {
  const api = new IBApi({ host: '127.0.0.1', port, maxReqPerSec: 1000 });
  record(api, events, decodeErrors);
  const ready = new Promise<void>((resolve, reject) => {
    api.once(EventName.nextValidId, () => resolve());
    api.once(EventName.disconnected, () => reject(new Error(`client ${clientId} was disconnected`)));
  });
  api.connect(clientId);
  await ready;
  return api;
}

export async function startTwsClientKit(
  overrides: Partial<TwsSimulatorConfig> = {},
  clientId = 7,
): Promise<TwsClientKit> {
  const simulator = new TwsSimulator(overrides);
  const port = await simulator.start();
  const events: TwsClientEvent[] = [];
  const decodeErrors: string[] = [];
  const api = await connect(port, clientId, events, decodeErrors);
  const others: IBApi[] = [];
  const nextValidId = events.find((event) => event.name === EventName.nextValidId)!.args[0] as number;
  return {
    simulator,
    api,
    events,
    decodeErrors,
    nextValidId,
    async waitFor(predicate, from = 0) {
      for (let waited = 0; waited < 3000; waited += 5) {
        const found = events.slice(from).find(predicate);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(
        `no such event; saw ${events
          .slice(from)
          .map((event) => event.name)
          .join(', ')}`,
      );
    },
    async answered(messageId) {
      for (let waited = 0; waited < 3000; waited += 5) {
        if (simulator.received.some((request) => request.fields[0] === messageId)) return simulator.settled();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`the simulator never received message ${messageId}`);
    },
    async connectClient(otherId) {
      const otherEvents: TwsClientEvent[] = [];
      const other = await connect(port, otherId, otherEvents, decodeErrors);
      others.push(other);
      return { api: other, events: otherEvents };
    },
    async close() {
      for (const client of [api, ...others]) if (client.isConnected) client.disconnect();
      await simulator.stop();
    },
  };
}
