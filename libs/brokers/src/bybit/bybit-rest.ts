import { RestClientV5, type APIRateLimit, type APIResponseV3WithTime } from 'bybit-api';
import { retryWithBackoff } from '#async';
import { BrokerRateLimitError, type BrokerError } from '../errors/index.js';
import { signWithHmac, syncRestClock } from './bybit-clock.js';
import type { BybitConfig } from './bybit-config.js';
import { parseBybitError, parseBybitTransportError } from './parse-bybit-error.js';

const CLOCK_SKEW = 10002;
const RATE_LIMITED = 10006;
const DEFAULT_BACKOFF_MS = 200;

type Call<T> = (client: RestClientV5) => Promise<APIResponseV3WithTime<T>>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Every REST call to Bybit: the answer's retCode turned into the project's errors, each endpoint's rate
 * limit tracked from Bybit's headers, reads retried after a rate limit or a clock skew, writes retried only
 * after a clock skew (Bybit refused the request unread), and a rate-limited write reported, never re-sent.
 */
export class BybitRest {
  readonly client: RestClientV5;
  private readonly budgets = new Map<string, APIRateLimit>();
  private offsetMs = 0;

  constructor(private readonly config: BybitConfig) {
    this.client = new RestClientV5(
      {
        key: config.apiKey,
        secret: config.apiSecret,
        testnet: config.testnet,
        demoTrading: config.demoTrading,
        ...(config.restBaseUrl ? { baseUrl: config.restBaseUrl } : {}),
        recv_window: config.recvWindowMs,
        parseAPIRateLimits: true,
        throwOnFailedRateLimitParse: false,
        customSignMessageFn: signWithHmac,
      },
      { timeout: config.requestTimeoutMs },
    );
  }

  /** The offset to Bybit's clock now applied to signed requests (and to share with the streams), ms. */
  get clockOffsetMs(): number {
    return this.offsetMs;
  }

  async syncClock(): Promise<number> {
    // Asked first through our own path: an unreachable Bybit is then the project's error, where
    // bybit-api's sync would print the raw network error to the console and carry on with offset 0.
    await this.read('/v5/market/time', (c) => c.getServerTime());
    this.offsetMs = await syncRestClock(this.client);
    return this.offsetMs;
  }

  /** A read: safe to repeat, so a rate limit waits for its reset and a clock skew resyncs, then it retries. */
  read<T>(endpoint: string, call: Call<T>): Promise<T> {
    return retryWithBackoff(
      async () => {
        const waitMs = this.waitFor(endpoint);
        if (waitMs > 0) await sleep(waitMs);
        return this.send(endpoint, call);
      },
      {
        attempts: this.config.readRetries,
        // A fixed pause, not a growing one: a rate limit waits for Bybit's own reset time instead.
        baseDelayMs: DEFAULT_BACKOFF_MS,
        maxDelayMs: DEFAULT_BACKOFF_MS,
        shouldRetry: (error) => worthRetrying(error as BrokerError),
        delayFor: (error) => askedDelay(error as BrokerError),
        onRetry: (error) =>
          isClockSkew(error as BrokerError) ? this.syncClock().then(() => undefined) : undefined,
        sleep,
      },
    );
  }

  /**
   * A write: sent once. A clock skew means Bybit refused it unread, so it is resynced and sent once more;
   * a rate limit is reported with when to retry, for the caller to decide.
   */
  async write<T>(endpoint: string, call: Call<T>): Promise<T> {
    const waitMs = this.waitFor(endpoint);
    if (waitMs > 0) throw this.rateLimited(endpoint, waitMs);
    try {
      return await this.send(endpoint, call);
    } catch (error) {
      if (!isClockSkew(error as BrokerError)) throw error;
      await this.syncClock();
      return this.send(endpoint, call);
    }
  }

  private async send<T>(endpoint: string, call: Call<T>): Promise<T> {
    let response: APIResponseV3WithTime<T> & { rateLimitApi?: APIRateLimit };
    try {
      response = await call(this.client);
    } catch (error) {
      throw parseBybitTransportError(error);
    }
    if (response.rateLimitApi) this.budgets.set(endpoint, response.rateLimitApi);
    if (response.retCode === RATE_LIMITED) {
      const resetAt = response.rateLimitApi?.resetAtTimestamp ?? Date.now() + DEFAULT_BACKOFF_MS;
      throw this.rateLimited(endpoint, resetAt - Date.now(), response.retMsg);
    }
    if (response.retCode !== 0)
      throw parseBybitError(response.retCode, response.retMsg, [this.config.apiKey, this.config.apiSecret]);
    return response.result;
  }

  /** How long until the endpoint's budget, spent by the last answer's count, resets (0: spend away). */
  private waitFor(endpoint: string): number {
    const budget = this.budgets.get(endpoint);
    if (!budget || budget.remainingRequests > 0) return 0;
    return Math.max(0, budget.resetAtTimestamp - Date.now());
  }

  private rateLimited(
    endpoint: string,
    retryAfterMs: number,
    retMsg = 'Too many visits!',
  ): BrokerRateLimitError {
    return new BrokerRateLimitError(
      `Bybit rate limit of ${endpoint} reached; retry in ${Math.max(0, retryAfterMs)} ms`,
      {
        broker: 'bybit',
        brokerCode: String(RATE_LIMITED),
        brokerMessage: retMsg,
        retryAfterMs: Math.max(0, retryAfterMs),
      },
    );
  }
}

/** Bybit refused the request unread because our clock drifted: resync and it goes through. */
function isClockSkew(error: BrokerError): boolean {
  return error.brokerCode === String(CLOCK_SKEW);
}

/** A read is retried after a clock skew, a rate limit, or any other retryable failure. */
function worthRetrying(error: BrokerError): boolean {
  return (
    isClockSkew(error) ||
    error instanceof BrokerRateLimitError ||
    (error.retryable && error.code !== 'rate_limited')
  );
}

/** No wait after a resync; a rate limit waits for Bybit's reset; anything else the fixed pause. */
function askedDelay(error: BrokerError): number | undefined {
  if (isClockSkew(error)) return 0;
  if (error instanceof BrokerRateLimitError) return Math.max(error.retryAfterMs ?? DEFAULT_BACKOFF_MS, 10);
  return undefined;
}
