import { join, resolve } from 'node:path';
import type { VenueContext } from '../port/broker-venue.js';
import type { PaperAccountConfig } from './paper-config.js';
import { defaultPaperAccountConfig } from './paper-defaults.js';
import type { PaperOptions } from './paper-options.js';
import { PaperAdapter } from './paper.adapter.js';

/**
 * The journal file of the account: the configured one, or `<data dir>/paper/<account>.journal.jsonl`;
 * none when the options say `false`. Readied (and the data dir claimed when it lies there) before use.
 */
function journalFileOf(options: PaperOptions, context: VenueContext): string | undefined {
  if (options.journalFile === false) return undefined;
  const path = options.journalFile
    ? resolve(options.journalFile)
    : join(context.dataDir, 'paper', `${context.account}.journal.jsonl`);
  // The journal is one process's, like the embedded database: a second writer would double orders.
  context.prepareFile(path, 'paper journal');
  return path;
}

/** The paper account an account's validated options describe. */
export function toPaperAccountConfig(options: PaperOptions, context: VenueContext): PaperAccountConfig {
  const { journalFile: _journalFile, instruments, ...settings } = options;
  return {
    ...settings,
    account: context.account,
    instruments: instruments
      ? instruments.map((instrument) => ({ ...instrument }))
      : defaultPaperAccountConfig().instruments,
    journalFile: journalFileOf(options, context),
  };
}

/** A paper account's adapter, logging through the app. */
export function createPaperAdapter(options: PaperOptions, context: VenueContext): PaperAdapter {
  return new PaperAdapter(toPaperAccountConfig(options, context), undefined, context.log);
}
