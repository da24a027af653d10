import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ApiKeyRecord } from './api-key-record.js';
import { ApiKeyStore } from './api-key.store.js';

/**
 * API keys in one JSON file of the data directory, readable by the owner only. Writes go to a temporary
 * file renamed over the old one, so a crash never leaves a half-written key file.
 */
export class FileApiKeyStore extends ApiKeyStore {
  private records: ApiKeyRecord[] | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {
    super();
  }

  async list(): Promise<ApiKeyRecord[]> {
    return [...(await this.load())];
  }

  async findByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    return (await this.load()).find((record) => record.hash === hash);
  }

  async insert(record: ApiKeyRecord): Promise<void> {
    const records = await this.load();
    records.push(record);
    await this.persist(records);
  }

  async revoke(id: string, at: string): Promise<ApiKeyRecord | undefined> {
    const records = await this.load();
    const index = records.findIndex((record) => record.id === id);
    const current = records[index];
    if (!current) return undefined;
    const revoked = { ...current, revokedAt: current.revokedAt ?? at };
    records[index] = revoked;
    await this.persist(records);
    return revoked;
  }

  private async load(): Promise<ApiKeyRecord[]> {
    if (this.records) return this.records;
    try {
      this.records = JSON.parse(await readFile(this.path, 'utf8')) as ApiKeyRecord[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.records = [];
    }
    return this.records;
  }

  private persist(records: ApiKeyRecord[]): Promise<void> {
    const snapshot = JSON.stringify(records, null, 2);
    // Serialised so two quick changes never interleave their renames.
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, snapshot, { mode: 0o600 });
      await rename(temporary, this.path);
    });
    return this.writing;
  }
}
