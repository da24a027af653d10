import { WhatToShow, type BarSizeSetting } from '@stoqey/ib';
import { dec, toDecimalString } from '../decimal/index.js';
import { timeframeToMs, type Candle, type Timeframe } from '../domain/index.js';
import { BrokerError, BrokerConnectionError, InvalidOrderError } from '../errors/index.js';
import { IBKR_BAR_SIZES } from './ibkr-capabilities.js';
import type { IbkrResolvedContract } from './ibkr-contract-book.js';
import type { IbkrSecType } from './ibkr-config.js';
import { IBKR_HISTORY_PACING, IbkrHistoryPacing } from './ibkr-history-pacing.js';
import type { IbkrRequests } from './ibkr-requests.js';
import { formatIbUtc, parseIbTime } from './ibkr-time.js';

const DAY_MS = 86_400_000;
/** Pages asked for one call at most: past this the range is too long for one answer. */
const MAX_PAGES = 30;

/** IB has no trades for forex; crypto trades are aggregated across venues. */
const WHAT_TO_SHOW: Readonly<Record<IbkrSecType, WhatToShow>> = {
  STK: WhatToShow.TRADES,
  FUT: WhatToShow.TRADES,
  CASH: WhatToShow.MIDPOINT,
  CRYPTO: WhatToShow.AGGTRADES,
};

/** The longest span one request may cover for a bar length, inside IB's duration limits. */
function pageSpanMs(barMs: number): number {
  const limit = barMs < 3_600_000 ? 7 * DAY_MS : barMs < DAY_MS ? 30 * DAY_MS : 365 * DAY_MS;
  return Math.min(limit, barMs * 2000);
}

/** IB's durationStr: seconds up to a day, whole days beyond. */
export function toDurationStr(spanMs: number): string {
  return spanMs <= DAY_MS ? `${Math.max(1, Math.ceil(spanMs / 1000))} S` : `${Math.ceil(spanMs / DAY_MS)} D`;
}

const text = (value: number): string =>
  Number.isFinite(value) && value > 0 ? toDecimalString(dec(value)) : '0';

type Bar = Candle & { readonly ms: number };

/** Chart data from reqHistoricalData, paged back from `to`, within IB's pacing rules. */
export class IbkrHistory {
  private readonly pacing = new IbkrHistoryPacing();
  private readonly recent = new Map<string, { readonly at: number; readonly bars: Bar[] }>();

  constructor(private readonly requests: IbkrRequests) {}

  async candles(
    contract: IbkrResolvedContract,
    timeframe: Timeframe,
    from: Date,
    to: Date,
  ): Promise<Candle[]> {
    const barSize = IBKR_BAR_SIZES[timeframe];
    const barMs = timeframeToMs(timeframe);
    if (!barSize || !barMs) throw new InvalidOrderError(`IB has no ${timeframe} bars`, { broker: 'ibkr' });
    const byTime = new Map<number, Bar>();
    const span = pageSpanMs(barMs);
    let end = to.getTime();
    for (let page = 0; page < MAX_PAGES && end > from.getTime(); page += 1) {
      const length = Math.min(span, end - from.getTime() + barMs);
      const bars = await this.page(contract, barSize as BarSizeSetting, new Date(end), toDurationStr(length));
      for (const bar of bars) byTime.set(bar.ms, bar);
      const oldest = bars.reduce((min, bar) => Math.min(min, bar.ms), Number.POSITIVE_INFINITY);
      if (bars.length === 0 || oldest >= end) break;
      end = oldest;
    }
    return [...byTime.values()]
      .filter((bar) => bar.ms >= from.getTime() && bar.ms <= to.getTime())
      .sort((a, b) => a.ms - b.ms)
      .map(({ ms: _ms, ...candle }) => candle);
  }

  private async page(
    contract: IbkrResolvedContract,
    barSize: BarSizeSetting,
    end: Date,
    duration: string,
  ): Promise<Bar[]> {
    const endText = formatIbUtc(end);
    const key = `${contract.conId}|${barSize}|${endText}|${duration}`;
    const cached = this.recent.get(key);
    if (cached && Date.now() - cached.at < IBKR_HISTORY_PACING.identicalMs) return cached.bars;
    const wait = this.pacing.delayFor(String(contract.conId));
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.pacing.record(String(contract.conId), key);
    const bars = await this.fetch(contract, barSize, endText, duration);
    this.recent.set(key, { at: Date.now(), bars });
    for (const [stale, entry] of this.recent) {
      if (Date.now() - entry.at >= IBKR_HISTORY_PACING.identicalMs) this.recent.delete(stale);
    }
    return bars;
  }

  private async fetch(
    contract: IbkrResolvedContract,
    barSize: BarSizeSetting,
    end: string,
    duration: string,
  ): Promise<Bar[]> {
    try {
      return await this.requests.run<Bar[]>(
        `historical data of ${contract.symbol}`,
        (reqId, control) => {
          const bars: Bar[] = [];
          control.listen(
            this.requests.on('historicalData', (id, time, open, high, low, close, volume) => {
              if (id !== reqId) return;
              if (time.startsWith('finished')) {
                control.resolve(bars);
                return;
              }
              const ms = parseIbTime(time);
              if (ms === undefined) return;
              bars.push({
                ms,
                openTime: new Date(ms).toISOString(),
                open: text(open),
                high: text(high),
                low: text(low),
                close: text(close),
                volume: text(volume),
              });
            }),
          );
        },
        (api, reqId) =>
          api.reqHistoricalData(
            reqId,
            contract.contract,
            end,
            duration,
            barSize,
            WHAT_TO_SHOW[contract.spec.contract.secType],
            0,
            2,
            false,
          ),
        BrokerConnectionError,
      );
    } catch (error) {
      // "HMDS query returned no data": nothing in that range, which is an empty page, not a failure.
      if (
        error instanceof BrokerError &&
        error.brokerCode === '162' &&
        /no data/i.test(error.brokerMessage ?? '')
      ) {
        return [];
      }
      throw error;
    }
  }
}
