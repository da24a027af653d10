import { RestClientV5, WebsocketClient, type WSClientConfigurableOptions } from 'bybit-api';
import { BybitSimulator } from '../bybit-simulator.js';
import type { BybitSimulatorConfig } from '../bybit-simulator-config.js';
import type { BybitStreamName } from '../bybit-simulator.js';

import {
  SIMULATOR_API_KEY as API_KEY,
  SIMULATOR_API_SECRET as API_SECRET,
} from '../bybit-simulator-defaults.js';

export { API_KEY, API_SECRET };

/** bybit-api's WebsocketClient logs to the console by default; specs keep quiet. */
export const SILENT_LOGGER = { trace: () => undefined, info: () => undefined, error: () => undefined };

/** What a spec drives: the simulator, and real bybit-api clients pointed at it. */
export interface BybitSpecKit {
  readonly simulator: BybitSimulator;
  readonly baseUrl: string;
  /** A signed REST client of the default account. */
  readonly rest: RestClientV5;
  /** A REST client with other credentials (or none). */
  restWith(options: {
    key?: string;
    secret?: string;
    recv_window?: number;
    syncTimeBeforePrivateRequests?: boolean;
    parseAPIRateLimits?: boolean;
  }): RestClientV5;
  /** A WebsocketClient on one stream; closed by {@link close}. */
  ws(stream: BybitStreamName, options?: Partial<WSClientConfigurableOptions>): WebsocketClient;
  close(): Promise<void>;
}

export async function startBybitSpecKit(
  overrides: Partial<BybitSimulatorConfig> = {},
): Promise<BybitSpecKit> {
  const simulator = new BybitSimulator(overrides);
  const baseUrl = await simulator.start();
  const sockets: WebsocketClient[] = [];
  const restWith: BybitSpecKit['restWith'] = (options) => new RestClientV5({ ...options, baseUrl });
  return {
    simulator,
    baseUrl,
    rest: restWith({ key: API_KEY, secret: API_SECRET }),
    restWith,
    ws: (stream, options = {}) => {
      const client = new WebsocketClient(
        {
          key: API_KEY,
          secret: API_SECRET,
          wsUrl: simulator.wsUrl(stream),
          // Reconnect fast: the drop specs wait for it.
          reconnectTimeout: 100,
          ...options,
        },
        SILENT_LOGGER,
      );
      sockets.push(client);
      return client;
    },
    close: async () => {
      for (const client of sockets) client.closeAll(true);
      await simulator.stop();
    },
  };
}

/**
 * Resolves with the first event `name` of `client` that `accept` takes, or rejects after `timeoutMs`
 * naming what it waited for.
 */
export function nextEvent<T = Record<string, unknown>>(
  client: WebsocketClient,
  name: 'update' | 'response' | 'authenticated' | 'exception' | 'reconnected' | 'open',
  accept: (event: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (event: T): void => {
      if (!accept(event)) return;
      clearTimeout(timer);
      client.off(name, listener as never);
      resolve(event);
    };
    const timer = setTimeout(() => {
      client.off(name, listener as never);
      reject(new Error(`no "${name}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(name, listener as never);
  });
}

/** Collects every `update` of one topic, in arrival order. */
export function collectUpdates(client: WebsocketClient, topic: string): Record<string, unknown>[] {
  const updates: Record<string, unknown>[] = [];
  client.on('update', (event: Record<string, unknown>) => {
    if (event.topic === topic) updates.push(event);
  });
  return updates;
}

/** Waits until `condition` holds, polling every 10 ms, or rejects after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
