import { jest } from '@jest/globals';
import type { ConfigService } from '@nestjs/config';
import { Subject } from 'rxjs';
import type { AccountRegistry } from '../broker/account-registry.js';
import type { Configuration } from '../config/configuration.js';
import { EquitySnapshotRecorder } from './equity-snapshot.recorder.js';
import type { EquitySnapshot, EquitySnapshotRepository } from './equity-snapshot.repository.js';
import type { LiveStateService } from './live/live-state.service.js';

describe('EquitySnapshotRecorder', () => {
  it('stores one snapshot per account after a burst of fills, with the equity once all are booked', async () => {
    const fillsBooked = new Subject<string>();
    let equity = 100;
    const live = {
      fillsBooked,
      equitySnapshot: (account: string) => ({ account, equity: String(equity) }) as unknown as EquitySnapshot,
    } as unknown as LiveStateService;
    const insert = jest.fn((_snapshot: EquitySnapshot) => Promise.resolve());
    const recorder = new EquitySnapshotRecorder(
      { list: () => [] } as unknown as AccountRegistry,
      live,
      { insert } as unknown as EquitySnapshotRepository,
      { get: () => ({ equitySnapshotIntervalMs: 60_000 }) } as unknown as ConfigService<Configuration, true>,
    );
    recorder.onApplicationBootstrap();
    for (let fill = 0; fill < 5; fill++) {
      equity += 1;
      fillsBooked.next('paper');
    }
    fillsBooked.next('other');
    await new Promise((resolve) => setImmediate(resolve));
    await recorder.onApplicationShutdown();
    expect(insert.mock.calls.map(([snapshot]) => [snapshot.account, snapshot.equity])).toEqual([
      ['paper', '105'],
      ['other', '105'],
    ]);
  });
});
