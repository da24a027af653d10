import { jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrokerEvent } from '../../domain/index.js';
import { BrokerConnectionError } from '../../errors/index.js';
import { PaperAdapter } from '../paper.adapter.js';
import { T0, testPaperConfig } from '../testing/paper-test-kit.js';
import { PaperJournal, type PaperJournalRecord } from './paper-journal.js';

const resting = (clientOrderId: string) =>
  ({
    clientOrderId,
    symbol: 'TEST',
    timeInForce: 'gtc',
    side: 'buy',
    type: 'limit',
    quantity: '1',
    price: '90',
  }) as const;

describe('PaperAdapter journal group commit', () => {
  let dir: string;
  let file: string;
  let appends: PaperJournalRecord[][];

  const start = async () => {
    const adapter = new PaperAdapter(
      testPaperConfig({ journalFile: file }),
      () => T0,
      () => undefined,
    );
    const events: BrokerEvent[] = [];
    adapter.events.subscribe((event) => events.push(event));
    await adapter.connect();
    return { adapter, events };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-group-'));
    file = join(dir, 'paper', 'test.journal.jsonl');
    appends = [];
    const append = PaperJournal.prototype.append;
    jest.spyOn(PaperJournal.prototype, 'append').mockImplementation(function (this: PaperJournal, records) {
      appends.push([...records]);
      append.call(this, records);
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('journals the placements of one turn in one append, and answers none before it is written', async () => {
    const { adapter, events } = await start();
    appends = [];
    const placed = Array.from({ length: 10 }, (_, index) => adapter.placeOrder(resting(`g-${index}`)));
    // Nothing is written, announced or answered until the turn ends.
    expect(appends).toEqual([]);
    expect(events.filter((event) => event.type === 'order')).toEqual([]);
    const acks = await Promise.all(placed);
    expect(acks.map((ack) => ack.status)).toEqual(acks.map(() => 'submitted'));
    expect(appends).toHaveLength(1);
    expect(appends[0]!.map((record) => record.type === 'order' && record.order.clientOrderId)).toEqual(
      acks.map((ack) => ack.clientOrderId),
    );
    expect(events.filter((event) => event.type === 'order')).toHaveLength(10);
  });

  it('writes placements still waiting ahead of a quote that fills them, so a restart replays them filled', async () => {
    const { adapter } = await start();
    const placed = adapter.placeOrder(resting('fills'));
    adapter.setQuote('TEST', '89', '89.5');
    const ack = await placed;
    const restarted = new PaperAdapter(
      testPaperConfig({ journalFile: file }),
      () => T0 + 1,
      () => undefined,
    );
    await restarted.connect();
    expect((await restarted.getOrder(ack.brokerOrderId)).status).toBe('filled');
    expect((await restarted.getPositions()).map((position) => position.quantity)).toEqual(['1']);
  });

  it('fails every placement of a group it cannot write, announces none, and stops the account', async () => {
    const { adapter, events } = await start();
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'a file where the journal directory was');
    const before = events.length;
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map((index) => adapter.placeOrder(resting(`lost-${index}`))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes)
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(BrokerConnectionError);
    expect(events.slice(before)).toEqual([expect.objectContaining({ type: 'connection', status: 'down' })]);
    rmSync(dir, { force: true });
  });
});
