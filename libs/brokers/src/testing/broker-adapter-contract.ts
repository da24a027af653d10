import type { Subscription } from 'rxjs';
import { dec, isDecimal } from '../decimal/index.js';
import type { BrokerEvent, OrderSide } from '../domain/index.js';
import { BrokerConnectionError, OrderNotFoundError, UnknownSymbolError } from '../errors/index.js';
import type { BrokerAdapter } from '../port/broker-adapter.js';

/** What one run of the contract needs from an adapter's spec. */
export interface BrokerAdapterContractFixture {
  /** A fresh, not yet connected adapter whose account starts flat in `symbol`. */
  readonly adapter: BrokerAdapter;
  /** A liquid symbol the adapter trades. */
  readonly symbol: string;
  /** A valid order quantity for `symbol` (a multiple of its lot size, at least its minimum). */
  readonly quantity: string;
  /** A valid limit price far enough from the market that a `side` limit there rests unfilled. */
  farLimitPrice(side: OrderSide): Promise<string>;
  /** Lets the market (or the simulator behind the adapter) move one step, so pending events arrive. */
  advance(): Promise<void>;
  teardown(): Promise<void>;
}

export interface ContractOptions {
  /** Steps of `advance` to wait for an expected event before failing; 50 unless told. */
  readonly maxSteps?: number;
}

/**
 * The behaviour every broker adapter shares, as one jest suite: an adapter's spec calls this with a
 * factory of fresh fixtures. Declares `describe`/`it` blocks, so call it at the top level of a spec.
 */
export function describeBrokerAdapterContract(
  name: string,
  setup: () => Promise<BrokerAdapterContractFixture>,
  options: ContractOptions = {},
): void {
  const maxSteps = options.maxSteps ?? 50;

  describe(`${name} honours the broker adapter contract`, () => {
    let fixture: BrokerAdapterContractFixture;
    let adapter: BrokerAdapter;
    let events: BrokerEvent[];
    let subscription: Subscription;

    /** Advances until an event matching `predicate` has been seen, and returns it. */
    async function eventually<T extends BrokerEvent>(
      predicate: (event: BrokerEvent) => event is T,
    ): Promise<T> {
      for (let step = 0; step <= maxSteps; step++) {
        const found = events.find(predicate);
        if (found) return found;
        await fixture.advance();
        await new Promise((resolve) => setImmediate(resolve));
      }
      throw new Error(
        `no matching event after ${maxSteps} steps; saw ${events.map((e) => e.type).join(', ')}`,
      );
    }

    beforeEach(async () => {
      fixture = await setup();
      adapter = fixture.adapter;
      events = [];
      subscription = adapter.events.subscribe((event) => events.push(event));
    });

    afterEach(async () => {
      subscription.unsubscribe();
      await adapter.disconnect();
      await fixture.teardown();
    });

    it('connects: status connected and a connection event', async () => {
      await adapter.connect();
      expect(adapter.status).toBe('connected');
      expect(events).toContainEqual(expect.objectContaining({ type: 'connection', status: 'connected' }));
    });

    it('disconnects: status down, and calls that need the broker are refused', async () => {
      await adapter.connect();
      await adapter.disconnect();
      expect(adapter.status).toBe('down');
      await expect(adapter.getOpenOrders()).rejects.toBeInstanceOf(BrokerConnectionError);
      await expect(adapter.findOrderByClientOrderId('contract-any')).rejects.toBeInstanceOf(
        BrokerConnectionError,
      );
      await expect(adapter.getFills(new Date(0))).rejects.toBeInstanceOf(BrokerConnectionError);
    });

    it('declares its capabilities', () => {
      expect(adapter.kind).toEqual(expect.any(String));
      expect(adapter.account).toEqual(expect.any(String));
      expect(adapter.capabilities.orderTypes.length).toBeGreaterThan(0);
      expect(adapter.capabilities.timeInForce.length).toBeGreaterThan(0);
      expect(adapter.capabilities.timeframes.length).toBeGreaterThan(0);
    });

    describe('when connected', () => {
      beforeEach(async () => {
        await adapter.connect();
      });

      it('fills a market order: order and fill events, a position, a changed account', async () => {
        const before = await adapter.getAccountSummary();
        const heldBefore =
          (await adapter.getPositions()).find((p) => p.symbol === fixture.symbol)?.quantity ?? '0';
        const ack = await adapter.placeOrder({
          clientOrderId: `contract-market-${Date.now()}`,
          symbol: fixture.symbol,
          side: 'buy',
          type: 'market',
          quantity: fixture.quantity,
          timeInForce: 'gtc',
        });
        expect(ack.brokerOrderId).toEqual(expect.any(String));
        expect(ack.status).not.toBe('rejected');

        const filled = await eventually(
          (e): e is Extract<BrokerEvent, { type: 'order' }> =>
            e.type === 'order' && e.order.brokerOrderId === ack.brokerOrderId && e.order.status === 'filled',
        );
        expect(dec(filled.order.filledQuantity).eq(fixture.quantity)).toBe(true);
        const fill = await eventually(
          (e): e is Extract<BrokerEvent, { type: 'fill' }> =>
            e.type === 'fill' && e.fill.brokerOrderId === ack.brokerOrderId,
        );
        expect(fill.fill.side).toBe('buy');
        expect(isDecimal(fill.fill.price) && dec(fill.fill.price).gt(0)).toBe(true);
        expect(isDecimal(fill.fill.fee)).toBe(true);

        const position = (await adapter.getPositions()).find((p) => p.symbol === fixture.symbol);
        expect(position).toBeDefined();
        expect(dec(position?.quantity ?? '0').eq(dec(heldBefore).plus(fixture.quantity))).toBe(true);
        const after = await adapter.getAccountSummary();
        expect(dec(after.marginUsed).gt(before.marginUsed)).toBe(true);
        expect(after.currency).toBe(before.currency);
      });

      it('rests a far limit order and cancels it', async () => {
        const price = await fixture.farLimitPrice('buy');
        const ack = await adapter.placeOrder({
          clientOrderId: `contract-limit-${Date.now()}`,
          symbol: fixture.symbol,
          side: 'buy',
          type: 'limit',
          quantity: fixture.quantity,
          price,
          timeInForce: 'gtc',
        });
        const open = await adapter.getOpenOrders();
        expect(open.map((o) => o.brokerOrderId)).toContain(ack.brokerOrderId);
        expect((await adapter.getOrder(ack.brokerOrderId)).filledQuantity).toBe('0');

        const cancelled = await adapter.cancelOrder(ack.brokerOrderId);
        expect(cancelled.status).toBe('cancelled');
        await eventually(
          (e): e is Extract<BrokerEvent, { type: 'order' }> =>
            e.type === 'order' &&
            e.order.brokerOrderId === ack.brokerOrderId &&
            e.order.status === 'cancelled',
        );
        const openAfter = await adapter.getOpenOrders();
        expect(openAfter.map((o) => o.brokerOrderId)).not.toContain(ack.brokerOrderId);
      });

      it('finds an order by its client order id, and null for one never sent', async () => {
        const clientOrderId = `contract-find-${Date.now()}`;
        const ack = await adapter.placeOrder({
          clientOrderId,
          symbol: fixture.symbol,
          side: 'buy',
          type: 'limit',
          quantity: fixture.quantity,
          price: await fixture.farLimitPrice('buy'),
          timeInForce: 'gtc',
        });
        const found = await adapter.findOrderByClientOrderId(clientOrderId);
        expect(found).toMatchObject({ brokerOrderId: ack.brokerOrderId, clientOrderId });
        await adapter.cancelOrder(ack.brokerOrderId);
        // A final order is still found: that is how a caller learns the fate of an unacknowledged order.
        expect(await adapter.findOrderByClientOrderId(clientOrderId)).toMatchObject({
          brokerOrderId: ack.brokerOrderId,
          status: 'cancelled',
        });
        expect(await adapter.findOrderByClientOrderId(`contract-never-sent-${Date.now()}`)).toBeNull();
      });

      it('lists fills since a time, oldest first, and none after a future time', async () => {
        // A minute of slack for a remote broker's clock; a fresh account has no fills older than it.
        const since = new Date(Date.now() - 60_000);
        const ids: string[] = [];
        for (const side of ['buy', 'sell'] as const) {
          const ack = await adapter.placeOrder({
            clientOrderId: `contract-fills-${side}-${Date.now()}`,
            symbol: fixture.symbol,
            side,
            type: 'market',
            quantity: fixture.quantity,
            timeInForce: 'gtc',
          });
          const fill = await eventually(
            (e): e is Extract<BrokerEvent, { type: 'fill' }> =>
              e.type === 'fill' && e.fill.brokerOrderId === ack.brokerOrderId,
          );
          ids.push(fill.fill.executionId);
        }
        const fills = await adapter.getFills(since);
        const ours = fills.map((f) => f.executionId).filter((id) => ids.includes(id));
        expect(ours).toEqual(ids);
        let previous = since.getTime();
        for (const fill of fills) {
          expect(Date.parse(fill.executedAt)).toBeGreaterThanOrEqual(previous);
          previous = Date.parse(fill.executedAt);
        }
        const future = await adapter.getFills(new Date(Date.now() + 3_600_000));
        expect(future.filter((f) => ids.includes(f.executionId))).toEqual([]);
      });

      it('raises OrderNotFoundError for an unknown order id', async () => {
        await expect(adapter.getOrder('no-such-order')).rejects.toBeInstanceOf(OrderNotFoundError);
        await expect(adapter.cancelOrder('no-such-order')).rejects.toBeInstanceOf(OrderNotFoundError);
      });

      it('raises UnknownSymbolError for an unknown symbol', async () => {
        await expect(adapter.getTicker('NO_SUCH_SYMBOL')).rejects.toBeInstanceOf(UnknownSymbolError);
        await expect(adapter.getInstrument('NO_SUCH_SYMBOL')).rejects.toBeInstanceOf(UnknownSymbolError);
        await expect(
          adapter.placeOrder({
            clientOrderId: `contract-unknown-${Date.now()}`,
            symbol: 'NO_SUCH_SYMBOL',
            side: 'buy',
            type: 'market',
            quantity: fixture.quantity,
            timeInForce: 'gtc',
          }),
        ).rejects.toBeInstanceOf(UnknownSymbolError);
      });

      it('returns candles oldest first, within [from, to], with consistent OHLC', async () => {
        const timeframe = adapter.capabilities.timeframes.includes('5m')
          ? '5m'
          : adapter.capabilities.timeframes[0];
        const to = new Date();
        const from = new Date(to.getTime() - 6 * 3_600_000);
        const candles = await adapter.getCandles(fixture.symbol, timeframe ?? '1m', from, to);
        expect(candles.length).toBeGreaterThan(0);
        let previous = Number.NEGATIVE_INFINITY;
        for (const candle of candles) {
          const openTime = Date.parse(candle.openTime);
          expect(openTime).toBeGreaterThan(previous);
          expect(openTime).toBeGreaterThanOrEqual(from.getTime());
          expect(openTime).toBeLessThanOrEqual(to.getTime());
          previous = openTime;
          for (const value of [candle.open, candle.high, candle.low, candle.close, candle.volume]) {
            expect(isDecimal(value)).toBe(true);
          }
          const low = dec(candle.low);
          const high = dec(candle.high);
          for (const price of [candle.open, candle.close]) {
            expect(low.lte(price) && high.gte(price)).toBe(true);
          }
        }
      });

      it('quotes a ticker with bid < ask', async () => {
        const ticker = await adapter.getTicker(fixture.symbol);
        expect(ticker.symbol).toBe(fixture.symbol);
        expect(dec(ticker.bid).lt(ticker.ask)).toBe(true);
        expect(dec(ticker.bid).gt(0)).toBe(true);
        expect(Number.isNaN(Date.parse(ticker.time))).toBe(false);
      });

      it('describes instruments with decimal rules', async () => {
        const instruments = await adapter.listInstruments();
        expect(instruments.map((i) => i.symbol)).toContain(fixture.symbol);
        const instrument = await adapter.getInstrument(fixture.symbol);
        for (const value of [instrument.tickSize, instrument.lotSize, instrument.minQuantity]) {
          expect(isDecimal(value) && typeof value === 'string' && dec(value).gt(0)).toBe(true);
        }
      });
    });
  });
}
