import type Big from 'big.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import { barStart, type KlineBar, klineBars, type KlineInterval } from '../market/bybit-kline.js';
import type { BybitMarket } from '../market/bybit-market.js';
import { tickerStats } from '../market/bybit-ticker-stats.js';
import { nextTickDirection, wsTicker } from '../market/bybit-ticker-view.js';
import { toDecimalString } from '../../paper-engine.js';
import type { BybitWsConnection } from './bybit-ws-connection.js';
import { parsePublicTopic } from './bybit-ws-topics.js';

interface TickState {
  last: Big | undefined;
  direction: string;
  crossSequence: number;
}

/**
 * The public streams: `tickers.{symbol}` as a snapshot on subscribe, then (linear) deltas carrying
 * only the fields that changed, spot always a snapshot (docs/v5/websocket/public/ticker.mdx); and
 * `kline.{interval}.{symbol}` with the current bar (confirm false), the closing push of a bar
 * (confirm true) when the next begins (kline.mdx).
 */
export class BybitPublicFeed {
  private readonly ticks = new Map<string, TickState>();

  constructor(
    private readonly registry: BybitInstrumentRegistry,
    private readonly market: BybitMarket,
    private readonly now: () => number,
  ) {}

  /** Remembers the last prices at start, so that the first move already has a tick direction. */
  start(): void {
    for (const instrument of this.registry.all())
      this.tickState(instrument).last = this.market.quote(instrument).last;
  }

  /** A new quote of `instrument`: moves the tick direction and pushes to every subscriber. */
  async onQuote(instrument: BybitInstrument, connections: Iterable<BybitWsConnection>): Promise<void> {
    const state = this.tickState(instrument);
    const last = this.market.quote(instrument).last;
    state.direction = nextTickDirection(state.direction, state.last, last);
    state.last = last;
    state.crossSequence += 1;
    for (const connection of connections) {
      for (const topic of connection.topics) await this.push(connection, topic, instrument);
    }
  }

  /** The first push of a topic, right after its subscription succeeded. */
  async snapshot(connection: BybitWsConnection, topic: string): Promise<void> {
    if (connection.stream.kind !== 'public') return;
    const parsed = parsePublicTopic(topic, connection.stream.category, this.registry);
    if (parsed) await this.push(connection, topic, parsed.instrument);
  }

  private async push(
    connection: BybitWsConnection,
    topic: string,
    instrument: BybitInstrument,
  ): Promise<void> {
    if (connection.stream.kind !== 'public') return;
    const parsed = parsePublicTopic(topic, connection.stream.category, this.registry);
    if (!parsed || parsed.instrument !== instrument) return;
    if (parsed.kind === 'tickers') await this.pushTicker(connection, topic, instrument);
    else await this.pushKline(connection, topic, instrument, parsed.interval);
  }

  private async pushTicker(
    connection: BybitWsConnection,
    topic: string,
    instrument: BybitInstrument,
  ): Promise<void> {
    const nowMs = this.now();
    const state = this.tickState(instrument);
    const quote = this.market.quote(instrument);
    const fields = wsTicker(quote, await tickerStats(this.market, instrument, nowMs), state.direction, nowMs);
    const previous = connection.lastTicker.get(topic);
    connection.lastTicker.set(topic, fields);
    const spot = instrument.category === 'spot';
    if (spot || !previous) {
      const message = { topic, ts: nowMs, type: 'snapshot', cs: state.crossSequence, data: fields };
      connection.send(message);
      return;
    }
    const changed: Record<string, string> = { symbol: instrument.symbol };
    for (const [key, value] of Object.entries(fields)) if (previous[key] !== value) changed[key] = value;
    if (Object.keys(changed).length === 1) return;
    connection.send({ topic, type: 'delta', data: changed, cs: state.crossSequence, ts: nowMs });
  }

  private async pushKline(
    connection: BybitWsConnection,
    topic: string,
    instrument: BybitInstrument,
    interval: KlineInterval,
  ): Promise<void> {
    const nowMs = this.now();
    const current = barStart(interval, nowMs);
    const previousStart = connection.lastBarStart.get(topic);
    const bars = await klineBars(
      this.market,
      instrument,
      interval,
      Math.min(previousStart ?? current, current),
      nowMs,
    );
    connection.lastBarStart.set(topic, current);
    const data = bars
      .filter(
        (bar) =>
          bar.startMs === current ||
          (previousStart !== undefined && previousStart < current && bar.startMs === previousStart),
      )
      .map((bar) => toWsBar(bar, interval, bar.startMs !== current, nowMs));
    if (data.length > 0) connection.send({ topic, data, ts: nowMs, type: 'snapshot' });
  }

  private tickState(instrument: BybitInstrument): TickState {
    let state = this.ticks.get(instrument.paperSymbol);
    if (!state) {
      state = { last: undefined, direction: 'ZeroPlusTick', crossSequence: 0 };
      this.ticks.set(instrument.paperSymbol, state);
    }
    return state;
  }
}

function toWsBar(bar: KlineBar, interval: string, confirm: boolean, nowMs: number): Record<string, unknown> {
  return {
    start: bar.startMs,
    end: bar.endMs - 1,
    interval,
    open: toDecimalString(bar.open),
    close: toDecimalString(bar.close),
    high: toDecimalString(bar.high),
    low: toDecimalString(bar.low),
    volume: toDecimalString(bar.volume),
    turnover: toDecimalString(bar.turnover),
    confirm,
    timestamp: nowMs,
  };
}
