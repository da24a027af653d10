import { WebsocketClient, type WSClientConfigurableOptions } from 'bybit-api';
import { BrokerAuthenticationError, BrokerTimeoutError, type BrokerError } from '../errors/index.js';
import { signWithHmac } from './bybit-clock.js';
import type { BybitConfig } from './bybit-config.js';
import type { BybitLogger } from './bybit-logger.js';

/** A topic message as bybit-api hands it over (`update`). */
export interface BybitTopicMessage {
  readonly topic: string;
  readonly type?: string;
  readonly ts?: number;
  readonly data: unknown;
  readonly wsKey: string;
}

export interface BybitStreamListener {
  onMessage(message: BybitTopicMessage): void;
  /** The private stream dropped: bybit-api reconnects it on its own. */
  onDropped(): void;
  /** The private stream is back and authenticated: events may have been missed meanwhile. */
  onRestored(): void;
  /** The private stream cannot authenticate: nothing more will arrive. */
  onRefused(error: BrokerError): void;
}

const PRIVATE_TOPICS = ['order', 'execution', 'position', 'wallet'];
const PRIVATE_KEYS = new Set(['v5Private']);

interface ExceptionEvent {
  readonly op?: string;
  readonly ret_msg?: string;
  readonly wsKey?: string;
  readonly message?: string;
}

const text = (event: unknown): string => {
  const { ret_msg, message } = (event ?? {}) as ExceptionEvent;
  return ret_msg ?? message ?? 'no detail';
};

/**
 * The two Bybit streams of one account: the private one (orders, executions, positions, wallet) and the
 * category's public one (tickers). bybit-api takes one `wsUrl` for every socket it opens, so each stream
 * has its own client; each client reconnects, re-authenticates and resubscribes by itself.
 */
export class BybitStreams {
  private readonly privateWs: WebsocketClient;
  private readonly publicWs: WebsocketClient;
  private restoring = false;

  constructor(
    private readonly config: BybitConfig,
    private readonly listener: BybitStreamListener,
    private readonly log: BybitLogger,
  ) {
    const common: WSClientConfigurableOptions = {
      testnet: config.testnet,
      demoTrading: config.demoTrading,
      recvWindow: config.recvWindowMs,
      customSignMessageFn: signWithHmac,
      promiseSubscribeRequests: true,
    };
    const logger = {
      trace: () => undefined,
      info: (...params: unknown[]) => this.log('debug', `Bybit stream: ${params.map(String).join(' ')}`),
      error: (...params: unknown[]) => this.log('warn', `Bybit stream: ${params.map(String).join(' ')}`),
    };
    this.privateWs = new WebsocketClient(
      {
        ...common,
        key: config.apiKey,
        secret: config.apiSecret,
        ...(config.wsPrivateUrl ? { wsUrl: config.wsPrivateUrl } : {}),
      },
      logger,
    );
    this.publicWs = new WebsocketClient(
      { ...common, ...(config.wsPublicUrl ? { wsUrl: config.wsPublicUrl } : {}) },
      logger,
    );
    for (const client of [this.privateWs, this.publicWs]) {
      client.on('update', (message) => this.listener.onMessage(message as unknown as BybitTopicMessage));
    }
    this.privateWs.on('reconnect', ({ wsKey }) => {
      if (!PRIVATE_KEYS.has(wsKey)) return;
      this.restoring = true;
      this.log('warn', `Bybit private stream of "${config.account}" dropped; reconnecting`);
      this.listener.onDropped();
    });
    this.privateWs.on('authenticated', () => {
      if (!this.restoring) return;
      this.restoring = false;
      this.log('log', `Bybit private stream of "${config.account}" is back`);
      this.listener.onRestored();
    });
    this.privateWs.on('exception', (event: unknown) => {
      if ((event as ExceptionEvent).op === 'auth') {
        this.listener.onRefused(
          new BrokerAuthenticationError(`Bybit refused the private stream's authentication: ${text(event)}`, {
            broker: 'bybit',
            brokerMessage: text(event),
          }),
        );
        return;
      }
      this.log('warn', `Bybit private stream of "${config.account}": ${text(event)}`);
    });
    this.publicWs.on('exception', (event: unknown) =>
      this.log('warn', `Bybit public stream of "${config.account}": ${text(event)}`),
    );
    this.publicWs.on('reconnected', () =>
      this.log('log', `Bybit public stream of "${config.account}" is back`),
    );
  }

  /**
   * Opens both streams; resolves once the private one is authenticated and subscribed. Rejects when
   * Bybit refuses the key or nothing answers within the stream timeout.
   */
  async open(clockOffsetMs: number): Promise<void> {
    this.privateWs.setTimeOffsetMs(clockOffsetMs);
    const refused = new Promise<never>((_, reject) => {
      this.privateWs.once('exception', (event: unknown) => {
        if ((event as ExceptionEvent).op === 'auth')
          reject(
            new BrokerAuthenticationError(`Bybit refused the stream key: ${text(event)}`, {
              broker: 'bybit',
              brokerMessage: text(event),
            }),
          );
      });
    });
    // Observed here too, so an auth failure after a successful open is not an unhandled rejection.
    refused.catch(() => undefined);
    // bybit-api resolves subscribeV5 when the socket opens, not when Bybit confirms (its issue #399): wait
    // for Bybit's own answer to the private subscription, so no push after connect() can be missed.
    const subscribed = new Promise<void>((resolve, reject) => {
      const onResponse = (event: unknown): void => {
        const reply = event as { op?: string; success?: boolean; wsKey?: string };
        if (reply.op !== 'subscribe' || !PRIVATE_KEYS.has(reply.wsKey ?? '')) return;
        this.privateWs.off('response', onResponse);
        if (reply.success === false) reject(new Error(text(event)));
        else resolve();
      };
      this.privateWs.on('response', onResponse);
    });
    // Their outcome is the `response` above; a public refusal is logged by the exception listener.
    void Promise.allSettled([
      ...this.privateWs.subscribeV5(PRIVATE_TOPICS, this.config.category, true),
      ...this.publicWs.subscribeV5(
        this.config.symbols.map((symbol) => `tickers.${symbol}`),
        this.config.category,
      ),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BrokerTimeoutError('Bybit streams did not subscribe in time', { broker: 'bybit' })),
        this.config.streamTimeoutMs,
      );
    });
    try {
      await Promise.race([subscribed, refused, timeout]);
    } catch (error) {
      if (error instanceof BrokerAuthenticationError || error instanceof BrokerTimeoutError) throw error;
      throw new BrokerAuthenticationError(`Bybit refused a subscription: ${text(error)}`, {
        broker: 'bybit',
        brokerMessage: text(error),
      });
    } finally {
      clearTimeout(timer);
    }
  }

  setClockOffset(offsetMs: number): void {
    this.privateWs.setTimeOffsetMs(offsetMs);
  }

  close(): void {
    this.privateWs.closeAll(true);
    this.publicWs.closeAll(true);
    this.privateWs.removeAllListeners();
    this.publicWs.removeAllListeners();
  }
}
