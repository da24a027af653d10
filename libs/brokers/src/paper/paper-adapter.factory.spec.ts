import { join, resolve } from 'node:path';
import type { VenueContext } from '../port/broker-venue.js';
import { toPaperAccountConfig } from './paper-adapter.factory.js';
import { defaultPaperAccountConfig } from './paper-defaults.js';
import { PaperInstrumentOptions, PaperOptions } from './paper-options.js';

function contextFor(account: string): VenueContext & { readonly prepared: [string, string][] } {
  const prepared: [string, string][] = [];
  return {
    account,
    log: () => undefined,
    dataDir: '/srv/edgerunner',
    prepareFile: (path, purpose) => void prepared.push([path, purpose]),
    prepared,
  };
}

function options(fields: Partial<PaperOptions>): PaperOptions {
  return Object.assign(new PaperOptions(), fields);
}

describe('the paper adapter factory', () => {
  it('is the built-in account when every option is left out, journaled under the data dir', () => {
    const context = contextFor('desk-a');
    const journal = join('/srv/edgerunner', 'paper', 'desk-a.journal.jsonl');
    expect(toPaperAccountConfig(new PaperOptions(), context)).toEqual({
      ...defaultPaperAccountConfig(),
      account: 'desk-a',
      journalFile: journal,
    });
    expect(context.prepared).toEqual([[journal, 'paper journal']]);
  });

  it('takes the options written, and their instruments instead of the built-in ones', () => {
    const instrument = Object.assign(new PaperInstrumentOptions(), {
      symbol: 'SOLUSDT',
      tickSize: '0.01',
      lotSize: '0.1',
      minQuantity: '0.1',
      startPrice: '150',
      depth: '500',
    });
    const config = toPaperAccountConfig(
      options({ startingCash: '25000', seed: 7, tickIntervalMs: 0, instruments: [instrument] }),
      contextFor('desk-a'),
    );
    expect(config).toEqual(
      expect.objectContaining({ startingCash: '25000', seed: 7, tickIntervalMs: 0, currency: 'USD' }),
    );
    expect(config.instruments).toEqual([{ ...instrument }]);
  });

  it('readies a journal file written relative to the working directory, absolute', () => {
    const context = contextFor('desk-a');
    const config = toPaperAccountConfig(options({ journalFile: 'journals/a.jsonl' }), context);
    expect(config.journalFile).toBe(resolve('journals/a.jsonl'));
    expect(context.prepared).toEqual([[resolve('journals/a.jsonl'), 'paper journal']]);
  });

  it('keeps no journal, and readies no file, with journalFile false', () => {
    const context = contextFor('desk-a');
    expect(toPaperAccountConfig(options({ journalFile: false }), context).journalFile).toBeUndefined();
    expect(context.prepared).toEqual([]);
  });
});
