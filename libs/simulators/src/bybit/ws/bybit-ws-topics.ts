import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import { isKlineInterval, type KlineInterval } from '../market/bybit-kline.js';

/**
 * The private topics served (docs/v5/websocket/private/*.mdx): all-in-one, or one category. `wallet`
 * has no category form.
 */
const PRIVATE_TOPICS: ReadonlySet<string> = new Set([
  'order',
  'order.spot',
  'order.linear',
  'order.inverse',
  'order.option',
  'execution',
  'execution.spot',
  'execution.linear',
  'execution.inverse',
  'execution.option',
  'position',
  'position.linear',
  'position.inverse',
  'position.option',
  'wallet',
]);

/** A private topic Bybit serves (inverse and option ones are accepted; nothing trades there). */
export function isPrivateTopic(topic: string): boolean {
  return PRIVATE_TOPICS.has(topic);
}

/**
 * "All-In-One topic and Categorised topic cannot be in the same subscription request": the first
 * categorised topic of `topics` whose all-in-one topic is also there, or undefined.
 */
export function mixedPrivateTopic(topics: readonly string[]): string | undefined {
  return topics.find((topic) => topic.includes('.') && topics.includes(topic.split('.')[0] ?? ''));
}

/** A public topic of one instrument. */
export type PublicTopic =
  | { readonly kind: 'tickers'; readonly instrument: BybitInstrument }
  | { readonly kind: 'kline'; readonly instrument: BybitInstrument; readonly interval: KlineInterval };

/** `tickers.{symbol}` or `kline.{interval}.{symbol}` of an instrument of `category`; null otherwise. */
export function parsePublicTopic(
  topic: string,
  category: BybitCategory,
  registry: BybitInstrumentRegistry,
): PublicTopic | null {
  const parts = topic.split('.');
  if (parts[0] === 'tickers' && parts.length === 2 && parts[1] !== undefined) {
    const instrument = registry.find(category, parts[1]);
    return instrument ? { kind: 'tickers', instrument } : null;
  }
  if (parts[0] === 'kline' && parts.length === 3 && parts[1] !== undefined && parts[2] !== undefined) {
    const instrument = registry.find(category, parts[2]);
    return instrument && isKlineInterval(parts[1]) ? { kind: 'kline', instrument, interval: parts[1] } : null;
  }
  return null;
}
