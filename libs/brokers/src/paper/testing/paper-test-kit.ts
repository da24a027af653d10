import type { BrokerEvent, OrderRequest } from '../../domain/index.js';
import { PaperAdapter } from '../paper.adapter.js';
import type { PaperAccountConfig, PaperInstrumentConfig } from '../paper-config.js';

/** Monday 2024-03-04 10:00:00 UTC: the fake clock's start in the paper specs. */
export const T0 = Date.parse('2024-03-04T10:00:00.000Z');

/** One instrument with round numbers: quotes 99.99 / 100.01 at start, 10 at each side. */
export const TEST_INSTRUMENT: PaperInstrumentConfig = {
  symbol: 'TEST',
  assetClass: 'equity',
  quoteCurrency: 'USD',
  tickSize: '0.01',
  lotSize: '1',
  minQuantity: '1',
  startPrice: '100',
  volatility: 0.001,
  spreadTicks: 2,
  depth: '10',
  leverage: 10,
};

/** A deterministic account for specs: stopped clock, no slippage, 5 bps taker and 1 bp maker fees. */
export function testPaperConfig(overrides: Partial<PaperAccountConfig> = {}): PaperAccountConfig {
  return {
    account: 'test',
    currency: 'USD',
    startingCash: '100000',
    takerFeeBps: 5,
    makerFeeBps: 1,
    slippageBps: 0,
    tickIntervalMs: 0,
    seed: 7,
    historyMinutes: 60,
    instruments: [TEST_INSTRUMENT],
    ...overrides,
  };
}

/** A connected paper adapter on a fake clock, recording its events. */
export interface PaperTestKit {
  readonly adapter: PaperAdapter;
  readonly events: BrokerEvent[];
  /** Sets the fake clock. */
  setTime(ms: number): void;
  /** Sets the TEST quote. */
  quote(bid: string, ask: string): void;
  /** Places an order with defaults (TEST, gtc, a fresh clientOrderId) and returns its current state. */
  place(request: Partial<OrderRequest> & Pick<OrderRequest, 'side' | 'type' | 'quantity'>): Promise<string>;
  /** Events of one type, in order. */
  eventsOf<T extends BrokerEvent['type']>(type: T): Extract<BrokerEvent, { type: T }>[];
}

export async function startPaperTestKit(overrides: Partial<PaperAccountConfig> = {}): Promise<PaperTestKit> {
  let now = T0;
  const adapter = new PaperAdapter(testPaperConfig(overrides), () => now);
  const events: BrokerEvent[] = [];
  adapter.events.subscribe((event) => events.push(event));
  await adapter.connect();
  let sequence = 0;
  return {
    adapter,
    events,
    setTime: (ms) => {
      now = ms;
    },
    quote: (bid, ask) => adapter.setQuote('TEST', bid, ask),
    place: async (request) => {
      sequence += 1;
      const ack = await adapter.placeOrder({
        clientOrderId: `c${sequence}`,
        symbol: 'TEST',
        timeInForce: 'gtc',
        ...request,
      });
      return ack.brokerOrderId;
    },
    eventsOf: <T extends BrokerEvent['type']>(type: T) =>
      events.filter((event): event is Extract<BrokerEvent, { type: T }> => event.type === type),
  };
}
