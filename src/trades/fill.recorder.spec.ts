import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { BrokerEvent, Fill } from '#brokers';
import type { AccountRegistry } from '../broker/account-registry.js';
import type { FillRecorderOptions } from './fill-recorder.options.js';
import { FillRecorder } from './fill.recorder.js';
import type { FillInsertOutcome, FillRepository } from './fill.repository.js';

const OPTIONS: FillRecorderOptions = { attempts: 3, baseDelayMs: 1, maxDelayMs: 4, relinkDelayMs: 5 };

function fill(executionId: string): Fill {
  return {
    executionId,
    brokerOrderId: 'B-1',
    clientOrderId: 'c-1',
    symbol: 'BTCUSDT',
    side: 'buy',
    quantity: '1',
    price: '100',
    fee: '0.1',
    feeCurrency: 'USDT',
    liquidity: 'taker',
    executedAt: '2026-01-01T00:00:00.000Z',
  };
}

const stored = (fills: readonly Fill[]): Promise<FillInsertOutcome> =>
  Promise.resolve({ inserted: fills.length, unlinked: [] });

describe('FillRecorder', () => {
  let events: Subject<BrokerEvent>;
  let insert: jest.Mock<FillRepository['insert']>;
  let linkOrders: jest.Mock<FillRepository['linkOrders']>;
  let recorder: FillRecorder;
  let warn: jest.SpiedFunction<Logger['warn']>;
  let error: jest.SpiedFunction<Logger['error']>;

  /** Resolves once every write queued so far has settled. */
  const settle = async (): Promise<void> => {
    // Fills heard in one turn are queued at its end.
    await new Promise((resolve) => setImmediate(resolve));
    await recorder.record('paper', [fill('settle')]).catch(() => undefined);
  };

  beforeEach(() => {
    events = new Subject<BrokerEvent>();
    insert = jest.fn((_account: string, fills: readonly Fill[]) => stored(fills));
    linkOrders = jest.fn(() => Promise.resolve([]));
    const repository = { insert, linkOrders, list: jest.fn() } as unknown as FillRepository;
    recorder = new FillRecorder({ events } as unknown as AccountRegistry, repository, OPTIONS);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await recorder.beforeApplicationShutdown();
    jest.restoreAllMocks();
  });

  it('stores every fill event of the registry, and nothing else', async () => {
    events.next({ type: 'fill', account: 'paper', fill: fill('E1') });
    events.next({ type: 'tick', account: 'paper', ticker: {} as never });
    events.next({ type: 'fill', account: 'other', fill: fill('E2') });
    await settle();
    expect(insert.mock.calls.slice(0, 2)).toEqual([
      ['paper', [fill('E1')]],
      ['other', [fill('E2')]],
    ]);
  });

  it('stores the fills a broker reports in one turn with one insert per account', async () => {
    for (const id of ['A1', 'A2', 'A3']) events.next({ type: 'fill', account: 'paper', fill: fill(id) });
    events.next({ type: 'fill', account: 'other', fill: fill('B1') });
    await settle();
    expect(insert.mock.calls.slice(0, 2)).toEqual([
      ['paper', [fill('A1'), fill('A2'), fill('A3')]],
      ['other', [fill('B1')]],
    ]);
  });

  it('writes one at a time, in the order the fills arrived', async () => {
    const order: string[] = [];
    insert.mockImplementation(async (_account, fills) => {
      const id = fills[0]?.executionId ?? '';
      order.push(`start ${id}`);
      await new Promise((resolve) => setTimeout(resolve, id === 'E1' ? 20 : 1));
      order.push(`end ${id}`);
      return stored(fills);
    });
    await Promise.all([recorder.record('paper', [fill('E1')]), recorder.record('paper', [fill('E2')])]);
    expect(order).toEqual(['start E1', 'end E1', 'start E2', 'end E2']);
  });

  it('retries a failed write with backoff, naming the execution id', async () => {
    insert
      .mockRejectedValueOnce(new Error('connection reset'))
      .mockRejectedValueOnce(new Error('connection reset'));
    await expect(recorder.record('paper', [fill('E1')])).resolves.toEqual({ inserted: 1, unlinked: [] });
    expect(insert).toHaveBeenCalledTimes(3);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toMatch(/E1.*"paper".*try 1 of 3.*retrying in 1 ms.*connection reset/);
    expect(warn.mock.calls[1]?.[0]).toMatch(/try 2 of 3.*retrying in 2 ms/);
    expect(error).not.toHaveBeenCalled();
  });

  it('logs a write that failed every try at error level, with the fill, and goes on with the next', async () => {
    insert.mockRejectedValueOnce(new Error('down')).mockRejectedValueOnce(new Error('down'));
    insert.mockRejectedValueOnce(new Error('still down'));
    await expect(recorder.record('paper', [fill('E1')])).rejects.toThrow('still down');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatch(/E1 of "paper" NOT stored after 3 tries: still down/);
    expect(error.mock.calls[0]?.[0]).toContain(JSON.stringify([fill('E1')]));
    await expect(recorder.record('paper', [fill('E2')])).resolves.toEqual({ inserted: 1, unlinked: [] });
  });

  it('looks again for the orders of fills stored without one', async () => {
    insert.mockResolvedValueOnce({ inserted: 2, unlinked: ['E1'] });
    await recorder.record('paper', [fill('E1'), fill('E2')]);
    expect(linkOrders).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(linkOrders).toHaveBeenCalledWith('paper', ['E1']);
  });

  it('at shutdown, stops listening and waits for the writes queued', async () => {
    let finish: () => void = () => undefined;
    insert.mockImplementationOnce(
      (_account, fills) => new Promise((resolve) => (finish = () => void resolve(stored(fills)))),
    );
    const pending = recorder.record('paper', [fill('E1')]);
    let shutDown = false;
    const shutdown = recorder.beforeApplicationShutdown().then(() => (shutDown = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(shutDown).toBe(false);
    finish();
    await Promise.all([pending, shutdown]);
    events.next({ type: 'fill', account: 'paper', fill: fill('late') });
    expect(insert).toHaveBeenCalledTimes(1);
  });

  it('does not write an empty batch', async () => {
    await expect(recorder.record('paper', [])).resolves.toEqual({ inserted: 0, unlinked: [] });
    expect(insert).not.toHaveBeenCalled();
  });
});
