import { runClientOrderId } from './run-client-order-id.js';

describe('runClientOrderId', () => {
  const run = '6f1c2b1e-0000-4000-8000-000000000001';
  const bar = Date.parse('2026-12-02T14:05:00Z');

  it('is the same for the same run, bar and signal index: a replayed bar finds its first order', () => {
    expect(runClientOrderId(run, bar, 0)).toBe(runClientOrderId(run, bar, 0));
  });

  it('differs for another signal in the bar, another bar and another run', () => {
    const ids = new Set([
      runClientOrderId(run, bar, 0),
      runClientOrderId(run, bar, 1),
      runClientOrderId(run, bar + 60_000, 0),
      runClientOrderId(run.replace(/1$/, '2'), bar, 0),
    ]);
    expect(ids.size).toBe(4);
  });

  it("fits every broker's client id limit (Bybit's 36 characters)", () => {
    expect(runClientOrderId(run, bar, 12)).toMatch(/^rn-[0-9a-f]{32}$/);
  });
});
