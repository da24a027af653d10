import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrokerEvent, OrderRequest } from '../../domain/index.js';
import { BrokerConnectionError, OrderRejectedError } from '../../errors/index.js';
import { PaperAdapter } from '../paper.adapter.js';
import type { PaperJournalRecord } from './paper-journal.js';
import { T0, testPaperConfig } from '../testing/paper-test-kit.js';

/** One adapter on the shared journal and fake clock, connected, recording events and log lines. */
interface Run {
  readonly adapter: PaperAdapter;
  readonly events: BrokerEvent[];
  readonly logs: string[];
  place(
    clientOrderId: string,
    request: Omit<OrderRequest, 'clientOrderId' | 'symbol' | 'timeInForce'>,
  ): Promise<string>;
}

/** Everything the port shows about the account, for comparing before and after a restart. */
async function snapshot(adapter: PaperAdapter, orderIds: readonly string[], clientIds: readonly string[]) {
  return {
    orders: await Promise.all(orderIds.map((id) => adapter.getOrder(id))),
    found: await Promise.all(clientIds.map((id) => adapter.findOrderByClientOrderId(id))),
    open: await adapter.getOpenOrders(),
    positions: await adapter.getPositions(),
    summary: await adapter.getAccountSummary(),
    fills: await adapter.getFills(new Date(0)),
  };
}

function records(file: string): PaperJournalRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as PaperJournalRecord);
}

describe('PaperAdapter journal', () => {
  let dir: string;
  let file: string;
  let now: number;

  async function start(journalFile = file): Promise<Run> {
    const logs: string[] = [];
    const adapter = new PaperAdapter(
      testPaperConfig({ journalFile }),
      () => now,
      (level, message) => logs.push(`${level}: ${message}`),
    );
    const events: BrokerEvent[] = [];
    adapter.events.subscribe((event) => events.push(event));
    await adapter.connect();
    return {
      adapter,
      events,
      logs,
      place: async (clientOrderId, request) =>
        (await adapter.placeOrder({ clientOrderId, symbol: 'TEST', timeInForce: 'gtc', ...request }))
          .brokerOrderId,
    };
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-journal-'));
    file = join(dir, 'paper', 'test.journal.jsonl');
    now = T0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('a restart on the same journal', () => {
    const clientIds = ['m1', 'l1', 'l2', 'b1', 'b1-tp', 'b1-sl', 's1', 'm2', 'l3'];
    let first: Run;
    let ids: Record<string, string>;

    /** Market, limit, bracket and stop orders; some filled, one partly, one cancelled; quote neutral at the end. */
    async function trade(): Promise<void> {
      first = await start();
      const m1 = await first.place('m1', { side: 'buy', type: 'market', quantity: '5' }); // 5 @ 100.01
      const l1 = await first.place('l1', { side: 'buy', type: 'limit', quantity: '3', price: '99.50' });
      const l2 = await first.place('l2', { side: 'sell', type: 'limit', quantity: '2', price: '101.00' });
      now += 1000;
      const b1 = await first.place('b1', {
        side: 'buy',
        type: 'limit',
        quantity: '4',
        price: '99.80',
        takeProfit: '101.50',
        stopLoss: '98.00',
      });
      const s1 = await first.place('s1', { side: 'sell', type: 'stop', quantity: '1', stopPrice: '97.00' });
      now += 1000;
      first.adapter.setQuote('TEST', '99.70', '99.80'); // b1 fills 4 @ 99.80, its exits arm
      const m2 = await first.place('m2', { side: 'sell', type: 'market', quantity: '1' }); // 1 @ 99.70
      await first.adapter.cancelOrder(l2);
      const l3 = await first.place('l3', { side: 'buy', type: 'limit', quantity: '15', price: '99.60' });
      now += 1000;
      first.adapter.setQuote('TEST', '99.50', '99.60'); // l3 fills 10 of 15 (the quoted size)
      now += 1000;
      first.adapter.setQuote('TEST', '99.90', '100.00'); // crosses nothing still open
      const children = await Promise.all(
        ['b1-tp', 'b1-sl'].map((id) => first.adapter.findOrderByClientOrderId(id)),
      );
      ids = { m1, l1, l2, b1, s1, m2, l3 };
      for (const child of children) if (child) ids[child.clientOrderId] = child.brokerOrderId;
    }

    it('restores orders, positions, the account, fills and client ids as they were', async () => {
      await trade();
      const before = await snapshot(first.adapter, Object.values(ids), clientIds);
      expect(before.open.map((o) => o.clientOrderId)).toEqual(['l1', 'b1-tp', 'b1-sl', 's1', 'l3']);
      expect(before.fills).toHaveLength(4);
      expect(before.positions).toHaveLength(1);
      await first.adapter.disconnect();

      const second = await start();
      // Same quote as before the restart, so that marks (and so equity) compare too.
      second.adapter.setQuote('TEST', '99.90', '100.00');
      expect(await snapshot(second.adapter, Object.values(ids), clientIds)).toEqual(before);
      // The restored orders were announced before the restart: only the tick is new.
      expect(second.events.map((e) => e.type)).toEqual(['connection', 'tick']);
      expect(second.logs).toEqual([]);
    });

    it('lets restored orders trade on in time priority, brackets included, and refuses used client ids', async () => {
      await trade();
      await first.adapter.disconnect();
      const second = await start();
      now += 1000;
      second.adapter.setQuote('TEST', '99.40', '99.50'); // l1 (3 @ 99.50) then l3's last 5 @ 99.60, as maker
      expect(second.events.flatMap((e) => (e.type === 'fill' ? [e.fill] : []))).toEqual([
        expect.objectContaining({ brokerOrderId: ids.l1, quantity: '3', price: '99.5', liquidity: 'maker' }),
        expect.objectContaining({ brokerOrderId: ids.l3, quantity: '5', price: '99.6', liquidity: 'maker' }),
      ]);
      now += 1000;
      second.adapter.setQuote('TEST', '97.90', '98.00'); // the bracket's stop-loss triggers
      const tp = await second.adapter.getOrder(ids['b1-tp'] ?? '');
      const sl = await second.adapter.getOrder(ids['b1-sl'] ?? '');
      expect(sl).toMatchObject({ status: 'filled', filledQuantity: '4' });
      expect(tp).toMatchObject({ status: 'cancelled', rejectReason: 'one-cancels-other: stop_loss filled' });
      expect((await second.adapter.getOrder(ids.s1 ?? '')).status).toBe('submitted');

      for (const used of ['m1', 'l2', 'b1-tp']) {
        await expect(second.place(used, { side: 'buy', type: 'market', quantity: '1' })).rejects.toThrow(
          OrderRejectedError,
        );
      }
      // Same fake clock, yet ids never repeat across restarts.
      const fresh = await second.place('fresh', { side: 'buy', type: 'market', quantity: '1' });
      expect(Object.values(ids)).not.toContain(fresh);
      const executionIds = (await second.adapter.getFills(new Date(0))).map((f) => f.executionId);
      expect(new Set(executionIds).size).toBe(executionIds.length);

      // A third run restores what the second added.
      const before = await snapshot(second.adapter, [...Object.values(ids), fresh], [...clientIds, 'fresh']);
      await second.adapter.disconnect();
      const third = await start();
      third.adapter.setQuote('TEST', '97.90', '98.00');
      expect(await snapshot(third.adapter, [...Object.values(ids), fresh], [...clientIds, 'fresh'])).toEqual(
        before,
      );
    });

    it('skips a torn last line with a warning, and journals cleanly after it', async () => {
      await trade();
      const before = await snapshot(first.adapter, Object.values(ids), clientIds);
      await first.adapter.disconnect();
      appendFileSync(file, '{"type":"order","order":{"brokerOrderId":"PO-te');

      const second = await start();
      expect(second.logs).toEqual([expect.stringMatching(/^warn: .*dropped a torn last line/)]);
      second.adapter.setQuote('TEST', '99.90', '100.00');
      expect(await snapshot(second.adapter, Object.values(ids), clientIds)).toEqual(before);
      await second.place('after-torn', { side: 'buy', type: 'market', quantity: '1' });
      await second.adapter.disconnect();

      const third = await start();
      expect(third.logs).toEqual([]);
      expect(await third.adapter.findOrderByClientOrderId('after-torn')).toMatchObject({ status: 'filled' });
    });
  });

  it('writes the order and its fill to the journal before announcing them or acknowledging', async () => {
    const run = await start();
    const journaledAtEvent: boolean[] = [];
    run.adapter.events.subscribe((event) => {
      if (event.type === 'order' || event.type === 'fill') {
        const id = event.type === 'order' ? event.order.brokerOrderId : event.fill.executionId;
        journaledAtEvent.push(readFileSync(file, 'utf8').includes(`"${id}"`));
      }
    });
    const ack = await run.adapter.placeOrder({
      clientOrderId: 'durable',
      symbol: 'TEST',
      side: 'buy',
      type: 'market',
      quantity: '1',
      timeInForce: 'gtc',
    });
    // Accepted, then filled: two order events and a fill, each already on disk when delivered.
    expect(journaledAtEvent).toEqual([true, true, true]);
    const journal = records(file);
    expect(journal.map((r) => r.type)).toEqual(['run', 'order', 'fill']);
    expect(journal[1]).toMatchObject({
      type: 'order',
      order: { brokerOrderId: ack.brokerOrderId, status: 'filled', filledNotional: '100.01' },
    });
  });

  it('journals matching state that has no event: a triggered stop-limit stays triggered', async () => {
    const first = await start();
    const id = await first.place('sl1', {
      side: 'buy',
      type: 'stop_limit',
      quantity: '1',
      stopPrice: '100.50',
      price: '100.60',
    });
    first.adapter.setQuote('TEST', '100.68', '100.70'); // triggers, but the ask is above the limit
    expect((await first.adapter.getOrder(id)).status).toBe('submitted');
    await first.adapter.disconnect();

    const second = await start();
    second.adapter.setQuote('TEST', '100.38', '100.40'); // below the stop: only a triggered order trades
    expect(await second.adapter.getOrder(id)).toMatchObject({ status: 'filled', averageFillPrice: '100.6' });
  });

  it('stops the account when the journal cannot be written, announcing nothing it could not record', async () => {
    const run = await start();
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'a file where the journal directory was');
    const before = run.events.length;
    await expect(run.place('lost', { side: 'buy', type: 'market', quantity: '1' })).rejects.toThrow(
      BrokerConnectionError,
    );
    expect(run.events.slice(before)).toEqual([
      expect.objectContaining({
        type: 'connection',
        status: 'down',
        reason: expect.stringMatching(/journal/),
      }),
    ]);
    expect(run.logs).toEqual([expect.stringMatching(/^error: paper journal .* could not be written/)]);
    await expect(run.adapter.connect()).rejects.toThrow(BrokerConnectionError);
    rmSync(dir, { force: true });
  });

  it('refuses to start on a journal naming an instrument that is no longer configured', () => {
    const journalFile = join(dir, 'other.jsonl');
    const order = { brokerOrderId: 'o', symbol: 'GONE' };
    writeFileSync(journalFile, `${JSON.stringify({ type: 'order', order })}\n`);
    expect(() => new PaperAdapter(testPaperConfig({ journalFile }), () => now)).toThrow(
      /GONE, which is not configured/,
    );
  });

  it('without a journal file, writes nothing', async () => {
    const adapter = new PaperAdapter(testPaperConfig(), () => now);
    await adapter.connect();
    await adapter.placeOrder({
      clientOrderId: 'mem',
      symbol: 'TEST',
      side: 'buy',
      type: 'market',
      quantity: '1',
      timeInForce: 'gtc',
    });
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});
