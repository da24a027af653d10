import type { BybitAccount } from '../account/bybit-account.js';
import { hmacHex, signatureMatches } from '../bybit-hmac.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import type { BybitWsConnection } from './bybit-ws-connection.js';
import { isPrivateTopic, mixedPrivateTopic, parsePublicTopic } from './bybit-ws-topics.js';

/** Spot public connections take at most 10 args per subscribe (docs/v5/websocket/wss-authentication.mdx). */
const SPOT_MAX_ARGS = 10;

export interface WsProtocolDeps {
  readonly registry: BybitInstrumentRegistry;
  readonly accountByKey: (apiKey: string) => BybitAccount | undefined;
  readonly now: () => number;
  /** Sends a topic's first push once its subscription is confirmed. */
  readonly subscribed: (connection: BybitWsConnection, topics: readonly string[]) => Promise<void>;
}

interface Request {
  readonly op?: unknown;
  readonly args?: unknown;
  readonly req_id?: unknown;
}

/**
 * Answers one client frame the way Bybit's V5 streams do: `ping`, `auth` (private), `subscribe` and
 * `unsubscribe`, with `{ success, ret_msg, conn_id, req_id?, op }` replies whose shape differs per
 * stream exactly as the docs' samples do. A client-sent `req_id` is echoed: bybit-api matches its
 * subscription promises on it.
 */
export async function handleWsFrame(
  connection: BybitWsConnection,
  raw: string,
  deps: WsProtocolDeps,
): Promise<void> {
  let request: Request;
  try {
    request = JSON.parse(raw) as Request;
  } catch {
    return;
  }
  if (typeof request !== 'object' || request === null) return;
  const reqId = typeof request.req_id === 'string' ? request.req_id : undefined;
  switch (request.op) {
    case 'ping':
      pong(connection, reqId, deps.now());
      return;
    case 'auth':
      auth(connection, request.args, reqId, deps);
      return;
    case 'subscribe':
    case 'unsubscribe':
      await subscription(connection, request.op, request.args, reqId, deps);
      return;
    default:
      reply(
        connection,
        typeof request.op === 'string' ? request.op : '',
        false,
        'error:handler not found',
        reqId,
      );
  }
}

/** Private: `{ req_id, op: "pong", args: [ms], conn_id }`; public: `{ success, ret_msg: "pong", …, op: "ping" }`. */
function pong(connection: BybitWsConnection, reqId: string | undefined, nowMs: number): void {
  if (connection.stream.kind === 'private') {
    connection.send({ req_id: reqId ?? '', op: 'pong', args: [String(nowMs)], conn_id: connection.connId });
    return;
  }
  reply(connection, 'ping', true, 'pong', reqId);
}

/**
 * `{"op":"auth","args":[apiKey, expires, signature]}` with signature = hex HMAC-SHA256(secret,
 * "GET/realtime" + expires) and expires (ms) still in the future. A second auth with the same key is
 * answered like the first.
 */
function auth(
  connection: BybitWsConnection,
  args: unknown,
  reqId: string | undefined,
  deps: WsProtocolDeps,
): void {
  if (connection.stream.kind !== 'private') {
    reply(connection, 'auth', false, 'error:handler not found', reqId);
    return;
  }
  const [apiKey, expires, signature] = Array.isArray(args) ? (args as unknown[]) : [];
  if (typeof apiKey !== 'string' || typeof expires !== 'number' || typeof signature !== 'string') {
    reply(connection, 'auth', false, 'Params Error', reqId);
    return;
  }
  const account = deps.accountByKey(apiKey);
  if (!account) {
    reply(connection, 'auth', false, 'API key is invalid.', reqId);
    return;
  }
  if (expires <= deps.now()) {
    reply(
      connection,
      'auth',
      false,
      `error:request expired, expires[${expires}] <= now[${deps.now()}]`,
      reqId,
    );
    return;
  }
  if (!signatureMatches(hmacHex(account.apiSecret, `GET/realtime${expires}`), signature)) {
    reply(connection, 'auth', false, 'Invalid sign', reqId);
    return;
  }
  if (connection.account && connection.account !== account) {
    reply(connection, 'auth', false, 'Repeat auth with another API key', reqId);
    return;
  }
  connection.account = account;
  reply(connection, 'auth', true, '', reqId);
}

async function subscription(
  connection: BybitWsConnection,
  op: 'subscribe' | 'unsubscribe',
  args: unknown,
  reqId: string | undefined,
  deps: WsProtocolDeps,
): Promise<void> {
  const topics = Array.isArray(args) ? (args as unknown[]) : [];
  if (topics.length === 0 || !topics.every((topic): topic is string => typeof topic === 'string')) {
    reply(connection, op, false, 'error:args invalid', reqId);
    return;
  }
  const { stream } = connection;
  if (stream.kind === 'public' && stream.category === 'spot' && topics.length > SPOT_MAX_ARGS) {
    reply(connection, op, false, `error:args size >${SPOT_MAX_ARGS}`, reqId);
    return;
  }
  if (stream.kind === 'private' && !connection.account) {
    reply(connection, op, false, 'Request not authorized', reqId);
    return;
  }
  const mixed = stream.kind === 'private' ? mixedPrivateTopic(topics) : undefined;
  if (mixed !== undefined) {
    reply(
      connection,
      op,
      false,
      `error:all-in-one and categorised topics in one request,topic:${mixed}`,
      reqId,
    );
    return;
  }
  for (const topic of topics) {
    const known =
      stream.kind === 'private'
        ? isPrivateTopic(topic)
        : parsePublicTopic(topic, stream.category, deps.registry) !== null;
    if (!known) {
      reply(connection, op, false, `error:handler not found,topic:${topic}`, reqId);
      return;
    }
    if (op === 'subscribe' && connection.topics.has(topic)) {
      reply(connection, op, false, `error:already subscribed,topic:${topic}`, reqId);
      return;
    }
  }
  for (const topic of topics) {
    if (op === 'subscribe') connection.topics.add(topic);
    else {
      connection.topics.delete(topic);
      connection.lastTicker.delete(topic);
      connection.lastBarStart.delete(topic);
    }
  }
  // Spot confirms with ret_msg "subscribe" where the others leave it empty (docs' samples).
  const spot = stream.kind === 'public' && stream.category === 'spot';
  reply(connection, op, true, spot ? op : '', reqId);
  if (op === 'subscribe') await deps.subscribed(connection, topics);
}

/**
 * A command reply. Public linear and private replies carry `req_id` ("" when the client sent none) as
 * the linear samples do; spot carries it only when one was sent.
 */
function reply(
  connection: BybitWsConnection,
  op: string,
  success: boolean,
  retMsg: string,
  reqId: string | undefined,
): void {
  const spot = connection.stream.kind === 'public' && connection.stream.category === 'spot';
  const message: Record<string, unknown> = { success, ret_msg: retMsg, conn_id: connection.connId };
  if (reqId !== undefined || !spot) message.req_id = reqId ?? '';
  message.op = op;
  connection.send(message);
}
