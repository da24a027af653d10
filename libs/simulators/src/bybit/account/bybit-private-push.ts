import type { BybitCategory } from '../bybit-simulator-config.js';

/** The private topics (docs/v5/websocket/private/*.mdx) the simulator pushes. */
export type BybitPrivateTopic = 'order' | 'execution' | 'position' | 'wallet';

/**
 * One private push of one account, before the WebSocket layer wraps it as
 * `{ id, topic, creationTime, data }` for each subscriber of `topic` or `topic.{category}`.
 */
export interface BybitPrivatePush {
  readonly uid: number;
  readonly topic: BybitPrivateTopic;
  /** null for `wallet`, which has no per-category topic. */
  readonly category: BybitCategory | null;
  readonly data: readonly Record<string, unknown>[];
  readonly creationTime: number;
}

export type BybitPushSink = (push: BybitPrivatePush) => void;
