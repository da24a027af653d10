import { jest } from '@jest/globals';
import { defaultPaperAccountConfig, PaperAdapter } from '../paper/index.js';
import { UnknownSymbolError } from '../errors/index.js';
import type { BrokerCallRecord } from './broker-call-observer.js';
import { instrumentAdapter } from './instrument-adapter.js';

describe('instrumentAdapter', () => {
  const records: BrokerCallRecord[] = [];
  const observer = { record: (call: BrokerCallRecord) => records.push(call) };
  let adapter: PaperAdapter;

  beforeEach(() => {
    records.length = 0;
    adapter = instrumentAdapter(
      new PaperAdapter({ ...defaultPaperAccountConfig(), tickIntervalMs: 0, historyMinutes: 5 }),
      observer,
    );
  });
  afterEach(() => adapter.disconnect());

  it('records each port call with broker, account, method, outcome and latency', async () => {
    await adapter.connect();
    await adapter.getPositions();
    expect(records).toEqual([
      expect.objectContaining({ broker: 'paper', account: 'paper', method: 'connect', outcome: 'ok' }),
      expect.objectContaining({ broker: 'paper', account: 'paper', method: 'getPositions', outcome: 'ok' }),
    ]);
    for (const record of records) expect(record.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('records a failure with the broker error code and rethrows the same error', async () => {
    await adapter.connect();
    await expect(adapter.getTicker('NOPE')).rejects.toBeInstanceOf(UnknownSymbolError);
    expect(records.at(-1)).toEqual(
      expect.objectContaining({ method: 'getTicker', outcome: 'error', errorCode: 'unknown_symbol' }),
    );
  });

  it('marks a non-broker failure as unexpected', async () => {
    await adapter.connect();
    const spy = jest
      .spyOn(PaperAdapter.prototype, 'getPositions')
      .mockRejectedValueOnce(new TypeError('bug'));
    await expect(adapter.getPositions()).rejects.toThrow('bug');
    spy.mockRestore();
    expect(records.at(-1)).toEqual(
      expect.objectContaining({ method: 'getPositions', outcome: 'error', errorCode: 'unexpected' }),
    );
  });

  it('passes properties and simulator controls through untimed', async () => {
    await adapter.connect();
    expect(adapter.kind).toBe('paper');
    expect(adapter.status).toBe('connected');
    adapter.setQuote('BTCUSDT', '100', '100.1');
    expect((await adapter.getTicker('BTCUSDT')).bid).toBe('100');
    expect(records.map((record) => record.method)).toEqual(['connect', 'getTicker']);
  });
});
