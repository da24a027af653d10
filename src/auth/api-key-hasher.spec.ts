import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { ApiKeyHasher } from './api-key-hasher.js';
import { configWith, hasherWith, SPEC_PEPPER } from './testing/auth-spec-kit.js';

const KEY = 'er_the-key-under-test-0123456789';

describe('ApiKeyHasher', () => {
  let dataDir: string;
  let log: jest.Spied<Logger['log']>;
  let warn: jest.Spied<Logger['warn']>;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-hasher-'));
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('hashes with HMAC-SHA256 keyed by the configured pepper, not a bare SHA-256', async () => {
    const hasher = await hasherWith({ keyPepper: SPEC_PEPPER });
    const hmac = createHmac('sha256', SPEC_PEPPER).update(KEY).digest('hex');
    const sha = createHash('sha256').update(KEY).digest('hex');
    expect(hasher.hash(KEY)).toBe(hmac);
    expect(hasher.hashes(KEY)).toEqual({ 'hmac-sha256': hmac, sha256: sha });
    expect((await hasherWith({ keyPepper: `${SPEC_PEPPER}-other` })).hash(KEY)).not.toBe(hmac);
    expect(hasher.source).toBe('EDGERUNNER_KEY_PEPPER');
  });

  it('uses the data directory pepper when none is configured, the same one after a restart', async () => {
    const first = await hasherWith({ keyPepper: undefined, dataDir });
    const pepper = (await readFile(join(dataDir, 'api-key.pepper'), 'utf8')).trim();
    expect(first.hash(KEY)).toBe(createHmac('sha256', pepper).update(KEY).digest('hex'));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Generated the API key pepper'));
    const restarted = await hasherWith({ keyPepper: undefined, dataDir });
    expect(restarted.hash(KEY)).toBe(first.hash(KEY));
    expect(restarted.fingerprint()).toBe(first.fingerprint());
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns that replicas must share the pepper when it is the data directory one on PostgreSQL', async () => {
    await hasherWith({ keyPepper: undefined, dataDir, databaseUrl: 'postgres://db/edgerunner' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Every replica .* EDGERUNNER_KEY_PEPPER/));
    warn.mockClear();
    await hasherWith({ keyPepper: SPEC_PEPPER, dataDir, databaseUrl: 'postgres://db/edgerunner' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('fingerprints the pepper: one digest per pepper, not the pepper itself', async () => {
    const hasher = await hasherWith();
    const fingerprint = hasher.fingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).not.toContain(Buffer.from(SPEC_PEPPER).toString('hex'));
    expect((await hasherWith({ keyPepper: `${SPEC_PEPPER}-other` })).fingerprint()).not.toBe(fingerprint);
  });

  it('refuses to hash before the pepper is read', () => {
    expect(() => new ApiKeyHasher(configWith({})).hash(KEY)).toThrow(/before its pepper/);
  });
});
