import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperVenue } from '#brokers';
import { StartupError } from '../common/startup-error.js';
import { DataDirOwnership } from '../persistence/data-dir-ownership.js';
import { venueContext } from './venue-context.js';

describe('venueContext', () => {
  let root: string;
  let dataDir: string;
  let ownership: DataDirOwnership;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'edgerunner-venue-context-'));
    dataDir = join(root, 'data');
    ownership = new DataDirOwnership(dataDir);
  });

  afterEach(() => {
    ownership.release();
    rmSync(root, { recursive: true, force: true });
  });

  it('hands the venue its account and the data dir', () => {
    const context = venueContext(paperVenue, 'desk-a', dataDir, ownership);
    expect(context).toEqual(expect.objectContaining({ account: 'desk-a', dataDir }));
  });

  it('claims the data dir for a file inside it and makes the file directory', () => {
    const claim = jest.spyOn(ownership, 'claim');
    const journal = join(dataDir, 'paper', 'desk-a.journal.jsonl');
    venueContext(paperVenue, 'desk-a', dataDir, ownership).prepareFile(journal, 'paper journal');
    expect(claim).toHaveBeenCalledTimes(1);
    expect(existsSync(join(dataDir, 'paper'))).toBe(true);
  });

  it('leaves the data dir unclaimed for a file outside it', () => {
    const claim = jest.spyOn(ownership, 'claim');
    const journal = join(root, 'elsewhere', 'desk-a.journal.jsonl');
    venueContext(paperVenue, 'desk-a', dataDir, ownership).prepareFile(journal, 'paper journal');
    expect(claim).not.toHaveBeenCalled();
    expect(existsSync(join(root, 'elsewhere'))).toBe(true);
  });

  it('stops start-up naming the account and the file when its directory cannot be made', () => {
    writeFileSync(join(root, 'a-file'), '');
    const journal = join(root, 'a-file', 'desk-a.journal.jsonl');
    const prepare = (): void =>
      venueContext(paperVenue, 'desk-a', dataDir, ownership).prepareFile(journal, 'paper journal');
    expect(prepare).toThrow(StartupError);
    expect(prepare).toThrow(`account "desk-a": the paper journal ${journal} cannot be written: ENOTDIR`);
  });
});
