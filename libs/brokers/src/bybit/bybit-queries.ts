import type {
  AccountOrderV5,
  CategoryCursorListV5,
  ExecutionV5,
  OHLCVKlineV5,
  PositionV5,
  WalletBalanceV5,
} from 'bybit-api';
import type { BybitAdapterCategory } from './bybit-config.js';
import type { BybitInstrumentShape, BybitTickerShape } from './bybit-market.mapper.js';
import type { BybitRest } from './bybit-rest.js';

const WEEK_MS = 7 * 86_400_000;
const KLINE_PAGE = 1000;

/** Every page of a cursor list, in Bybit's order. */
async function allPages<T>(
  fetch: (cursor: string | undefined) => Promise<CategoryCursorListV5<T[]>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.list);
    cursor = page.nextPageCursor || undefined;
  } while (cursor);
  return items;
}

/** The REST reads the adapter needs, paged and windowed as Bybit requires. */
export class BybitQueries {
  constructor(
    private readonly rest: BybitRest,
    private readonly category: BybitAdapterCategory,
  ) {}

  /** Linear lists need a symbol or a settle coin: every USDT perpetual is settled in USDT. */
  private get scope(): { settleCoin?: string } {
    return this.category === 'linear' ? { settleCoin: 'USDT' } : {};
  }

  async wallet(): Promise<WalletBalanceV5 | undefined> {
    const result = await this.rest.read('/v5/account/wallet-balance', (c) =>
      c.getWalletBalance({ accountType: 'UNIFIED' }),
    );
    return result.list[0];
  }

  openOrders(): Promise<AccountOrderV5[]> {
    return allPages((cursor) =>
      this.rest.read('/v5/order/realtime', (c) =>
        c.getActiveOrders({
          category: this.category,
          ...this.scope,
          limit: 50,
          ...(cursor ? { cursor } : {}),
        }),
      ),
    );
  }

  /** One order by Bybit's id or by orderLinkId: open or recently closed, else from the history. */
  async order(by: { orderId: string } | { orderLinkId: string }): Promise<AccountOrderV5 | undefined> {
    const open = await this.rest.read('/v5/order/realtime', (c) =>
      c.getActiveOrders({ category: this.category, ...this.scope, ...by, openOnly: 0 }),
    );
    if (open.list[0]) return open.list[0];
    const history = await this.rest.read('/v5/order/history', (c) =>
      c.getHistoricOrders({ category: this.category, ...this.scope, ...by }),
    );
    return history.list[0];
  }

  /** Executions from `since` to now, oldest first, in the 7-day windows Bybit allows. */
  async executions(since: Date, now = Date.now()): Promise<ExecutionV5[]> {
    const all: ExecutionV5[] = [];
    for (let start = since.getTime(); start <= now; start += WEEK_MS) {
      const end = Math.min(start + WEEK_MS - 1, now);
      all.push(
        ...(await allPages((cursor) =>
          this.rest.read('/v5/execution/list', (c) =>
            c.getExecutionList({
              category: this.category,
              startTime: start,
              endTime: end,
              limit: 100,
              ...(cursor ? { cursor } : {}),
            }),
          ),
        )),
      );
    }
    return all.sort((a, b) => Number(a.execTime) - Number(b.execTime));
  }

  positions(): Promise<PositionV5[]> {
    return allPages((cursor) =>
      this.rest.read('/v5/position/list', (c) =>
        c.getPositionInfo({
          category: 'linear',
          settleCoin: 'USDT',
          limit: 200,
          ...(cursor ? { cursor } : {}),
        }),
      ),
    );
  }

  async instruments(symbol?: string): Promise<BybitInstrumentShape[]> {
    const items: BybitInstrumentShape[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.rest.read('/v5/market/instruments-info', (c) =>
        c.getInstrumentsInfo({
          category: this.category,
          ...(symbol ? { symbol } : {}),
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        }),
      );
      items.push(...(page.list as unknown as BybitInstrumentShape[]));
      cursor = (page as { nextPageCursor?: string }).nextPageCursor || undefined;
    } while (cursor);
    return items.filter((item) => item.status === 'Trading');
  }

  async ticker(symbol: string): Promise<{ ticker: BybitTickerShape | undefined; time: number }> {
    const response = await this.rest.read('/v5/market/tickers', (c) =>
      c.getTickers({ category: this.category, symbol } as Parameters<typeof c.getTickers>[0]),
    );
    return { ticker: response.list[0] as BybitTickerShape | undefined, time: Date.now() };
  }

  /** Bars of [fromMs, toMs], oldest first, paged back from `toMs` 1000 at a time. */
  async klines(symbol: string, interval: string, fromMs: number, toMs: number): Promise<OHLCVKlineV5[]> {
    const rows = new Map<string, OHLCVKlineV5>();
    let end = toMs;
    while (end >= fromMs) {
      const page = await this.rest.read('/v5/market/kline', (c) =>
        c.getKline({
          category: this.category,
          symbol,
          interval: interval as Parameters<typeof c.getKline>[0]['interval'],
          start: fromMs,
          end,
          limit: KLINE_PAGE,
        }),
      );
      for (const row of page.list) rows.set(row[0], row);
      const oldest = page.list[page.list.length - 1];
      if (page.list.length < KLINE_PAGE || !oldest) break;
      end = Number(oldest[0]) - 1;
    }
    return [...rows.values()]
      .filter((row) => Number(row[0]) >= fromMs && Number(row[0]) <= toMs)
      .sort((a, b) => Number(a[0]) - Number(b[0]));
  }
}
