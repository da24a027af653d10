import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BybitAccount } from '../account/bybit-account.js';
import { BybitError } from '../bybit-error.js';
import { RET, RET_MSG } from '../bybit-ret-codes.js';
import type { SerialQueue } from '#async';
import type { BybitFaultInjector } from './bybit-fault-injector.js';
import type { BybitParams } from './bybit-params.js';
import type { BybitRateLimiter, RateLimitStatus } from './bybit-rate-limiter.js';
import type { BybitRoute } from './bybit-route.js';
import { verifySignedRequest } from './bybit-signature.js';

const MAX_BODY_BYTES = 1 << 20;

export interface BybitRestDeps {
  readonly routes: readonly BybitRoute[];
  readonly accountByKey: (apiKey: string) => BybitAccount | undefined;
  readonly limiter: BybitRateLimiter;
  readonly faults: BybitFaultInjector;
  readonly queue: SerialQueue;
  readonly now: () => number;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * The REST half of the simulator: Bybit's envelope `{ retCode, retMsg, result, retExtInfo, time }` on
 * HTTP 200 for every business answer, refusals included; signature and recv_window checks on the exact
 * bytes received; the per-uid rate limit and its headers; and the injected faults of the test hooks.
 */
export class BybitRestHandler {
  private readonly routes = new Map<string, BybitRoute>();

  constructor(private readonly deps: BybitRestDeps) {
    for (const route of deps.routes) this.routes.set(`${route.method} ${route.path}`, route);
  }

  /** Node's request listener. */
  readonly listener = (request: IncomingMessage, response: ServerResponse): void => {
    this.answer(request)
      .then(({ status, headers, body }) => {
        response.writeHead(status, headers).end(body);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
      });
  };

  private async answer(request: IncomingMessage): Promise<Answer> {
    const url = request.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const rawQuery = mark < 0 ? '' : url.slice(mark + 1);
    const route = this.routes.get(`${request.method ?? ''} ${path}`);
    const body = await readBody(request);
    if (!route) return this.envelope(404, RET.ROUTE_NOT_FOUND, RET_MSG[RET.ROUTE_NOT_FOUND], {});
    const fault = this.deps.faults.takeFailure(path);
    const delayMs = this.deps.faults.takeDelay(path);
    const answer = fault
      ? 'httpStatus' in fault
        ? {
            status: fault.httpStatus,
            headers: { 'Content-Type': 'text/plain' },
            body: fault.body ?? STATUS_CODES[fault.httpStatus] ?? '',
          }
        : this.envelope(200, fault.retCode, fault.retMsg ?? 'injected failure', {})
      : await this.dispatch(route, request, rawQuery, body);
    // A delayed answer was processed on arrival: like a response lost in the network, not a slow queue.
    if (delayMs > 0) await sleep(delayMs);
    return answer;
  }

  private async dispatch(
    route: BybitRoute,
    request: IncomingMessage,
    rawQuery: string,
    body: string,
  ): Promise<Answer> {
    let limit: RateLimitStatus | null = null;
    try {
      const params = route.method === 'GET' ? queryParams(rawQuery) : bodyParams(body);
      if (!route.signed) {
        const result = await this.deps.queue.run(() =>
          route.handle({ params, nowMs: this.deps.now(), account: null }),
        );
        return this.envelope(200, RET.OK, 'OK', result);
      }
      const apiKey = verifySignedRequest(
        {
          apiKey: header(request, 'x-bapi-api-key'),
          timestamp: header(request, 'x-bapi-timestamp'),
          recvWindow: header(request, 'x-bapi-recv-window'),
          sign: header(request, 'x-bapi-sign'),
          payload: route.method === 'GET' ? rawQuery : body,
        },
        (key) => this.deps.accountByKey(key)?.apiSecret,
        this.deps.now(),
      );
      const account = this.deps.accountByKey(apiKey);
      if (!account) throw BybitError.of(RET.API_KEY_INVALID);
      const category = typeof params.category === 'string' && params.category === 'spot' ? 'spot' : undefined;
      limit = this.deps.limiter.take(account.uid, route.path, category);
      if (limit?.exceeded) throw BybitError.of(RET.RATE_LIMIT);
      const result = await this.deps.queue.run(() =>
        route.handle({ params, nowMs: this.deps.now(), account }),
      );
      return this.envelope(200, RET.OK, 'OK', result, limit);
    } catch (error) {
      if (error instanceof BybitError) return this.envelope(200, error.retCode, error.retMsg, {}, limit);
      const message = error instanceof Error ? error.message : String(error);
      return this.envelope(200, RET.SERVER_ERROR, `Server error: ${message}`, {}, limit);
    }
  }

  private envelope(
    status: number,
    retCode: number,
    retMsg: string,
    result: unknown,
    limit?: RateLimitStatus | null,
  ): Answer {
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    if (limit) {
      headers['X-Bapi-Limit-Status'] = String(limit.remaining);
      headers['X-Bapi-Limit'] = String(limit.limit);
      headers['X-Bapi-Limit-Reset-Timestamp'] = String(limit.resetAtMs);
    }
    const body = JSON.stringify({ retCode, retMsg, result, retExtInfo: {}, time: this.deps.now() });
    return { status, headers, body };
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Standard URL decoding (`%XX`, and `+` as a space as axios writes public queries). */
function queryParams(rawQuery: string): BybitParams {
  return Object.fromEntries(new URLSearchParams(rawQuery));
}

function bodyParams(body: string): BybitParams {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BybitError(RET.PARAMS, 'params error: the request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BybitError(RET.PARAMS, 'params error: the request body must be a JSON object');
  }
  return parsed as BybitParams;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
