import type { BrokerEvent } from '../domain/index.js';
import type { BybitAdapterCategory } from './bybit-config.js';
import { isTradeExecution, toFill, type BybitExecutionShape } from './bybit-fill.mapper.js';
import type { BybitTickerShape } from './bybit-market.mapper.js';
import { toBrokerOrder, type BybitOrderShape } from './bybit-order.mapper.js';
import { toPosition, type BybitPositionShape } from './bybit-position.mapper.js';
import type { BybitTopicMessage } from './bybit-streams.js';
import type { BybitTickerBook } from './bybit-ticker-book.js';
import { toAccountSummary } from './bybit-wallet.mapper.js';

/** What turning stream messages into events needs to know about the account. */
export interface BybitTopicContext {
  readonly account: string;
  readonly category: BybitAdapterCategory;
  readonly tickers: BybitTickerBook;
  /** The currency a symbol is quoted in, for fills. */
  quoteOf(symbol: string): string;
}

/**
 * Turns one stream message into the port's events, emitted as they are read: a ticker, or the
 * account's orders, executions, positions and wallet. Items of another category (a unified account
 * streams them all) are skipped; so are executions that are not trades (funding, settlement).
 * Throws on a payload it cannot read.
 */
export function routeBybitTopic(
  { topic, type, ts, data }: BybitTopicMessage,
  context: BybitTopicContext,
  emit: (event: BrokerEvent) => void,
): void {
  const { account } = context;
  if (topic.startsWith('tickers.')) {
    const ticker = context.tickers.apply(type, data as BybitTickerShape, ts ?? Date.now());
    if (ticker) emit({ type: 'tick', account, ticker });
    return;
  }
  const items = (Array.isArray(data) ? data : []) as { category?: string }[];
  const ours = items.filter((item) => item.category === undefined || item.category === context.category);
  if (topic.startsWith('order')) {
    for (const order of ours)
      emit({ type: 'order', account, order: toBrokerOrder(order as BybitOrderShape) });
  } else if (topic.startsWith('execution')) {
    for (const execution of ours as BybitExecutionShape[]) {
      if (!isTradeExecution(execution)) continue;
      emit({ type: 'fill', account, fill: toFill(execution, context.quoteOf(execution.symbol)) });
    }
  } else if (topic.startsWith('position')) {
    for (const position of ours)
      emit({ type: 'position', account, position: toPosition(position as BybitPositionShape) });
  } else if (topic === 'wallet') {
    const [wallet] = data as Parameters<typeof toAccountSummary>[1][];
    emit({ type: 'account', account, summary: toAccountSummary(account, wallet, new Date()) });
  }
}
