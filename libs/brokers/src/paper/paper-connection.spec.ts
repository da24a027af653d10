import { jest } from '@jest/globals';
import type { BrokerEvent } from '../domain/index.js';
import { PaperAdapter } from './paper.adapter.js';
import { T0, testPaperConfig } from './testing/paper-test-kit.js';

describe('PaperAdapter connection and clock', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('ticks every tickIntervalMs while connected, and stops when disconnected', async () => {
    jest.useFakeTimers({ now: T0 });
    const adapter = new PaperAdapter(testPaperConfig({ tickIntervalMs: 250 }));
    const events: BrokerEvent[] = [];
    adapter.events.subscribe((event) => events.push(event));
    jest.advanceTimersByTime(1000);
    expect(events).toHaveLength(0);

    await adapter.connect();
    await adapter.connect();
    jest.advanceTimersByTime(1000);
    await adapter.disconnect();
    jest.advanceTimersByTime(1000);

    expect(events.map((e) => (e.type === 'connection' ? `${e.type}:${e.status}` : e.type))).toEqual([
      'connection:connected',
      'tick',
      'tick',
      'tick',
      'tick',
      'connection:down',
    ]);
    const ticks = events.flatMap((e) => (e.type === 'tick' ? [e.ticker.time] : []));
    expect(ticks.at(-1)).toBe(new Date(T0 + 2000).toISOString());
    expect(adapter.status).toBe('down');
  });

  it('has no timer when tickIntervalMs is 0: the market moves only on tick()', async () => {
    jest.useFakeTimers({ now: T0 });
    const adapter = new PaperAdapter(testPaperConfig());
    await adapter.connect();
    const before = await adapter.getTicker('TEST');
    jest.advanceTimersByTime(60_000);
    expect(await adapter.getTicker('TEST')).toEqual(before);
    adapter.tick();
    expect((await adapter.getTicker('TEST')).time).toBe(new Date(T0 + 60_000).toISOString());
  });
});
